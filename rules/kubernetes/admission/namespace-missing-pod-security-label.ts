import { defineWorkspaceRule, type ProposedChange, type RuleOptions, type WorkspaceObject } from '../../engine/rule';
import { WORKLOAD_KINDS } from '../helpers';
import { ensureEntries } from '../../engine/yaml/edits';
import { at as navAt, child } from '../../engine/yaml/nav';
import { namespaceOf, PSA_PREFIX, satisfiedLevel, type Level } from './psa';

export default defineWorkspaceRule({
  meta: {
    id: 'namespace-missing-pod-security-label',
    title: 'Namespace not protected by Pod Security Admission',
    severity: 'warning',
    category: 'Admission',
    tier: 'recommended',
    description:
      'Without `pod-security.kubernetes.io/enforce` (or with `enforce: privileged`), Pod Security Admission lets any pod into the namespace: privileged containers, host namespaces and hostPath volumes included, unless the cluster sets a default. The quick fix adds `enforce`, `audit` and `warn` at the strictest level that every workload of the namespace among the scanned files already satisfies (restricted when there is none), evaluated with the Pod Security Standards rules themselves.',
    remediation:
      'Label the Namespace `pod-security.kubernetes.io/enforce: restricted` (or `baseline` while workloads are being hardened), with `audit` and `warn` at `restricted`.',
    references: {
      cis: ['5.2.1'],
      nsa: ['Pod Security Admission'],
      links: ['https://kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-namespace-labels/'],
    },
  },
  reads: [...WORKLOAD_KINDS, 'Namespace'],
  check(context) {
    for (const target of context.objects) {
      const { object } = target;
      if (object.kind !== 'Namespace' || object.apiVersion !== 'v1') continue;
      const enforce = object.labels[`${PSA_PREFIX}enforce`];
      if (enforce !== undefined && enforce !== 'privileged') continue;
      const workloads = context.objects.filter((o) => o.object.podSpec && namespaceOf(o.object) === object.name);
      const level = strictestCommonLevel(workloads, context.options);
      const at = enforce !== undefined ? navAt(object.metadata, 'labels', `${PSA_PREFIX}enforce`)! : (child(object.metadata, 'name') ?? object.kindRef);
      const state = enforce !== undefined ? 'enforces the privileged level, which allows everything' : 'has no pod-security.kubernetes.io/enforce label';
      context.report(target, {
        at,
        message: `The Namespace "${object.name}" ${state}: Pod Security Admission lets any pod in. Label it pod-security.kubernetes.io/enforce: ${level.level === 'privileged' ? 'baseline' : level.level}.`,
        suggestions: () => labelChange(target, level),
      });
    }
  },
});

interface CommonLevel {
  level: Level;
  /** Workloads that fail baseline, when level is privileged. */
  failing: number;
  workloads: number;
}

function strictestCommonLevel(workloads: readonly WorkspaceObject[], options: RuleOptions): CommonLevel {
  const levels = workloads.map((w) => satisfiedLevel(w.object, w.text ?? '', options.kubernetesVersion, options));
  const failing = levels.filter((l) => l === 'privileged').length;
  const level: Level = failing > 0 ? 'privileged' : levels.includes('baseline') ? 'baseline' : 'restricted';
  return { level, failing, workloads: workloads.length };
}

function labelChange(target: WorkspaceObject, common: CommonLevel): ProposedChange[] | undefined {
  const metadata = target.object.metadata;
  if (!metadata || target.text === undefined) return undefined;
  const level = common.level === 'privileged' ? 'baseline' : common.level;
  const labels = Object.fromEntries(['enforce', 'audit', 'warn'].map((mode) => [`${PSA_PREFIX}${mode}`, level]));
  const edits = ensureEntries(target.text, metadata, { labels });
  if (!edits?.length) return undefined;
  const why =
    common.workloads === 0
      ? 'no workload of the namespace is among the scanned files'
      : common.level === 'privileged'
        ? `rejects ${common.failing} of its ${common.workloads} workloads, which fail baseline`
        : `all ${common.workloads} workloads of the namespace pass it`;
  return [{ title: `Enforce, audit and warn at Pod Security level "${level}" (${why})`, edits }];
}
