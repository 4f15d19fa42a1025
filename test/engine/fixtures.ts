/**
 * Small rules and helpers shared by the engine tests. The rules are defined here, not taken
 * from the registry, so that engine behaviour is tested independently of what rules exist.
 */
import { defineKubernetesRule, type KubernetesRule } from '../../rules/engine/rule';
import type { Finding } from '../../rules/engine/types';
import type { ResolvedKubernetesRule } from '../../rules/engine/yaml/analyze';
import { child, entries, isMapRef, isSeqRef, items, str, type NodeRef } from '../../rules/engine/yaml/nav';
import privilegedContainer from '../../rules/kubernetes/pod-security/privileged-container';
import { toTuple, type RangeTuple } from '../harness/rule-tester';

export { privilegedContainer };

const testMeta = {
  severity: 'warning' as const,
  category: 'Test',
  description: 'Test rule.',
  remediation: 'None.',
  references: {},
};

/** Reports every object's `metadata.name` value: one finding per Kubernetes object. */
export const reportName: KubernetesRule = defineKubernetesRule({
  meta: { ...testMeta, id: 'report-name', title: 'Report the name', tier: 'recommended' },
  check(context) {
    const name = child(child(context.object.root, 'metadata'), 'name');
    if (name) context.report({ at: name, message: `object ${str(name)}` });
  },
});

/** Always throws: the runner must turn that into one internal-error finding. */
export const throwingRule: KubernetesRule = defineKubernetesRule({
  meta: { ...testMeta, id: 'always-throws', title: 'Always throws', tier: 'strict' },
  check() {
    throw new Error('boom');
  },
});

export function resolved(...rules: KubernetesRule[]): ResolvedKubernetesRule[] {
  return rules.map((rule) => ({ rule, severity: rule.meta.severity }));
}

/** [ruleId, documentIndex, ...range] tuples: one deepEqual compares everything that matters. */
export function summary(findings: readonly Finding[]): Array<[string, number, ...RangeTuple]> {
  return findings.map((f) => [f.ruleId, f.documentIndex, ...toTuple(f)]);
}

/** Visits every node of the document, as a secret scanner would: the alias budget must stop it. */
export const walkEverything: KubernetesRule = defineKubernetesRule({
  meta: { ...testMeta, id: 'walk-everything', title: 'Walk every node', tier: 'strict' },
  check(context) {
    let scalars = 0;
    const visit = (ref: NodeRef | undefined): void => {
      if (!ref) return;
      if (isMapRef(ref)) for (const [, value] of entries(ref)) visit(value);
      else if (isSeqRef(ref)) for (const item of items(ref)) visit(item);
      else scalars++;
    };
    visit(context.object.root);
    context.report({ at: context.object.kindRef, message: `${scalars} scalars` });
  },
});
