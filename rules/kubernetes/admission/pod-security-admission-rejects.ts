import { defineWorkspaceRule, type WorkspaceObject } from '../../engine/rule';
import { WORKLOAD_KINDS } from '../helpers';
import { formatVersion } from '../../engine/version';
import { at as navAt, child } from '../../engine/yaml/nav';
import { controlsOf, modePolicy, namespaceOf, PSA_PREFIX, violations } from './psa';

export default defineWorkspaceRule({
  meta: {
    id: 'pod-security-admission-rejects',
    title: 'Pod Security Admission would reject the workload',
    severity: 'error',
    category: 'Admission',
    tier: 'recommended',
    description:
      'The workload runs in a namespace whose Namespace manifest (among the scanned files) enforces a Pod Security level with `pod-security.kubernetes.io/enforce`, and its pod template fails that level at the labelled `enforce-version` (`latest` is the target Kubernetes version). A Pod is refused; a controller (Deployment, Job, ...) is accepted with a warning but its pods are refused, so it never runs.',
    remediation: 'Fix the failing controls listed in the message (the Pod Security rules report each one on its field), or lower the namespace level knowingly.',
    references: {
      cis: ['5.2.1'],
      links: ['https://kubernetes.io/docs/concepts/security/pod-security-admission/'],
    },
  },
  reads: [...WORKLOAD_KINDS, 'Namespace'],
  check(context) {
    const namespaces = new Map<string, WorkspaceObject>();
    for (const o of context.objects) {
      if (o.object.kind === 'Namespace' && o.object.apiVersion === 'v1' && o.object.labels[`${PSA_PREFIX}enforce`] !== undefined) namespaces.set(o.object.name, o);
    }
    if (namespaces.size === 0) return;
    for (const target of context.objects) {
      const { object } = target;
      const namespace = object.podSpec ? namespaces.get(namespaceOf(object)) : undefined;
      if (!namespace) continue;
      const policy = modePolicy(namespace.object.labels, 'enforce', context.options.kubernetesVersion);
      if (!policy.level || policy.level === 'privileged') continue;
      const found = violations(object, target.text ?? '', policy.level, policy.version, context.options);
      if (found.length === 0) continue;
      const controls = controlsOf(found);
      const verdict =
        object.kind === 'Pod'
          ? 'Pod Security Admission would reject this Pod'
          : `Pod Security Admission would reject the pods of this ${object.kind} (it is accepted with a warning but never runs)`;
      const labelRef = navAt(namespace.object.metadata, 'labels', `${PSA_PREFIX}enforce`)!;
      context.report(target, {
        at: child(object.metadata, 'namespace') ?? object.kindRef,
        message: `${verdict}: namespace "${namespace.object.name}" enforces "${policy.level}" (${policy.versionLabel === 'latest' ? 'latest' : `version ${formatVersion(policy.version)}`}) and it fails ${controls.join(', ')}. Fix these controls or change the namespace's level.`,
        related: [
          { at: labelRef, message: `namespace "${namespace.object.name}" enforces "${policy.level}"`, in: namespace },
          ...found.map((v) => ({ at: v.at, message: `${v.control}: ${v.message}` })),
        ],
      });
    }
  },
});
