import assert from 'node:assert/strict';
import { applyEdits } from '../../rules/engine/fixer';
import { defineKubernetesRule, type KubernetesRuleContext, type ProposedChange } from '../../rules/engine/rule';
import { parseSegment } from '../../rules/engine/yaml/parse';
import {
  containerResourcesChange,
  hardenContainerToRestricted,
  ignoreAnnotationChange,
  ignoreLineCommentChange,
  podSecurityContextChange,
  POD_SECURITY_CONTEXT,
} from '../../rules/kubernetes/fixes';
import { forEachContainer, withPodSpec } from '../../rules/kubernetes/helpers';
import { runRule, yaml } from '../harness/rule-tester';

/** Runs a builder through a throwaway rule and returns the change it proposed for each report. */
function changes(text: string, build: (ctx: KubernetesRuleContext) => Array<ProposedChange | undefined>): Array<ProposedChange | undefined> {
  const out: Array<ProposedChange | undefined> = [];
  const rule = defineKubernetesRule({
    meta: { id: 'probe', title: 't', severity: 'info', category: 't', description: 'd', remediation: 'r', references: {}, tier: 'strict' },
    check: (ctx) => void out.push(...build(ctx)),
  });
  runRule(rule, text);
  return out;
}

function apply(text: string, change: ProposedChange | undefined): string {
  assert.ok(change, 'no change proposed');
  const out = applyEdits(text, change.edits).text;
  assert.deepEqual(parseSegment(out).errors, []);
  return out;
}

const pod = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    securityContext:
      runAsNonRoot: true
    containers:
      - name: web
        image: nginx:1.27
        securityContext:
          privileged: true
          capabilities:
            drop: [NET_RAW]
`;

describe('fix builders', () => {
  it('hardenContainerToRestricted: one change with what restricted needs, skipping what the pod sets', () => {
    const [change] = changes(pod, (ctx) => {
      const out: Array<ProposedChange | undefined> = [];
      forEachContainer(ctx, (c, p) => out.push(hardenContainerToRestricted(ctx, c, p)));
      return out;
    });
    assert.equal(
      change?.title,
      'Harden the container "web" to the restricted Pod Security Standard (allowPrivilegeEscalation: false, privileged: false, capabilities.drop: [ALL], seccompProfile.type: RuntimeDefault)',
    );
    assert.equal(
      apply(pod, change),
      pod.replace('privileged: true', 'privileged: false').replace('drop: [NET_RAW]', 'drop: [NET_RAW, ALL]') +
        '        allowPrivilegeEscalation: false\n        seccompProfile:\n          type: RuntimeDefault\n',
    );
  });

  it('podSecurityContextChange merges the snippet settings into the pod', () => {
    const [change] = changes(pod, (ctx) => {
      const out: Array<ProposedChange | undefined> = [];
      withPodSpec(ctx, (p) => out.push(podSecurityContextChange(ctx, p, POD_SECURITY_CONTEXT)));
      return out;
    });
    assert.equal(change?.title, "Set runAsNonRoot: true, seccompProfile.type: RuntimeDefault in the pod's securityContext");
    assert.equal(apply(pod, change), pod.replace('runAsNonRoot: true\n', 'runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n'));
  });

  it('containerResourcesChange adds only what is missing and names it in the title', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    resources:\n      limits: {memory: 1Gi}\n';
    const [change] = changes(text, (ctx) => ctx.object.podSpec!.containers.map((c) => containerResourcesChange(ctx, c)));
    assert.equal(change?.title, 'Add requests.cpu: 100m, requests.memory: 128Mi, limits.cpu: 500m to the container "a"');
    assert.equal(
      apply(text, change),
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    resources:\n      limits: {memory: 1Gi, cpu: 500m}\n      requests:\n        cpu: 100m\n        memory: 128Mi\n',
    );
  });

  it('ignoreAnnotationChange creates or extends palisade.dev/ignore', () => {
    const [created] = changes(pod, (ctx) => [ignoreAnnotationChange(ctx, 'privileged-container')]);
    assert.equal(created?.title, 'Ignore privileged-container for the Pod "p" (annotation palisade.dev/ignore)');
    assert.equal(apply(pod, created), pod.replace('  name: p\n', '  name: p\n  annotations:\n    palisade.dev/ignore: privileged-container\n'));
    const annotated = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    palisade.dev/ignore: "host-pid"  # why\n';
    const [extended] = changes(annotated, (ctx) => [ignoreAnnotationChange(ctx, 'privileged-container'), ignoreAnnotationChange(ctx, 'host-pid')]);
    assert.equal(apply(annotated, extended), annotated.replace('"host-pid"', '"host-pid, privileged-container"'));
    const flow = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n';
    const [inFlow] = changes(flow, (ctx) => [ignoreAnnotationChange(ctx, 'x')]);
    assert.equal(apply(flow, inFlow), 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, annotations: {palisade.dev/ignore: x}}\n');
  });

  it('ignoreLineCommentChange inserts a comment above, or extends the directive there', () => {
    const text = 'a:\r\n  b: 1\r\n';
    assert.deepEqual(ignoreLineCommentChange(text, 6, 'r1'), {
      title: 'Ignore r1 on this line (# palisade-ignore comment)',
      edits: [{ start: 4, end: 4, newText: '  # palisade-ignore r1\r\n' }],
    });
    const directive = 'a:\n  # palisade-ignore r1 -- legacy\n  b: 1\n';
    assert.equal(apply(directive, ignoreLineCommentChange(directive, 38, 'r2')), 'a:\n  # palisade-ignore r1, r2 -- legacy\n  b: 1\n');
    assert.equal(ignoreLineCommentChange(directive, 38, 'r1'), undefined);
  });
});
