import { defineKubernetesRule } from '../../engine/rule';
import { child, str } from '../../engine/yaml/nav';
import type { KubernetesRuleContext, ProposedChange } from '../../engine/rule';
import { ensureEntries } from '../../engine/yaml/edits';
import { describeContainer, WORKLOAD_KINDS, type ContainerView } from '../helpers';
import { forEachContainerImage } from './container-images';
import { isLatestOrUntagged } from './image-reference';

export default defineKubernetesRule({
  meta: {
    id: 'image-pull-policy-not-always',
    title: 'Mutable image not always pulled',
    severity: 'info',
    category: 'Supply chain',
    tier: 'recommended',
    description:
      'With `IfNotPresent` or `Never`, a node reuses whatever image it cached under the tag: pods on different nodes can run different code, and any pod on the node can start a private image cached there without the registry checking its pull credentials. When `imagePullPolicy` is omitted Kubernetes uses `Always` only for `latest` or untagged images, so other tags default to `IfNotPresent` and are reported too. Images pinned by digest are exempt: their content cannot change.',
    remediation: 'Set `imagePullPolicy: Always`, or pin the image by digest (`@sha256:...`).',
    references: {
      checkov: ['CKV_K8S_15'],
      polaris: ['pullPolicyNotAlways'],
      kubeScore: ['container-image-pull-policy'],
      links: ['https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    forEachContainerImage(context, ({ container, image }) => {
      if (image.digest) return;
      const policyRef = child(container.ref, 'imagePullPolicy');
      const policy = str(policyRef);
      if (policy === 'Always') return;
      if (policyRef && policy !== undefined) {
        context.report({
          at: policyRef,
          message: `The ${describeContainer(container)} pulls ${image.raw} with imagePullPolicy ${policy}, so nodes may run a stale or unauthorised copy. Set imagePullPolicy: Always or pin the image by digest.`,
          suggestions: () => alwaysPullChanges(context, container),
        });
      } else if (!isLatestOrUntagged(image)) {
        context.report({
          at: container.anchor,
          message: `The ${describeContainer(container)} sets no imagePullPolicy, so ${image.raw} defaults to IfNotPresent and nodes may run a stale or unauthorised copy. Add imagePullPolicy: Always or pin the image by digest.`,
          suggestions: () => alwaysPullChanges(context, container),
        });
      }
    });
  },
});

/**
 * imagePullPolicy: Always, as a suggestion rather than a fix: it makes every container start
 * depend on the registry, so pods on nodes that cannot reach it (air-gapped, rate-limited,
 * a registry outage) or that run preloaded images (`Never`) stop starting.
 */
function alwaysPullChanges(context: KubernetesRuleContext, container: ContainerView): ProposedChange[] {
  const edits = ensureEntries(context.text, container.ref, { imagePullPolicy: 'Always' });
  return edits?.length ? [{ title: `Set imagePullPolicy: Always on the ${describeContainer(container)}`, edits }] : [];
}
