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

  describe('hardenContainerToRestricted removes the added capabilities restricted forbids', () => {
    const harden = (text: string) =>
      changes(text, (ctx) => {
        const out: Array<ProposedChange | undefined> = [];
        forEachContainer(ctx, (c, p) => out.push(hardenContainerToRestricted(ctx, c, p)));
        return out;
      })[0];

    it('block list in a 4-space file: NET_BIND_SERVICE and the comment lines stay', () => {
      const text = yaml`
        apiVersion: v1
        kind: Pod
        metadata:
            name: p
        spec:
            securityContext:
                runAsNonRoot: true
                seccompProfile: {type: RuntimeDefault}
            containers:
                -   name: web
                    securityContext:
                        allowPrivilegeEscalation: false
                        capabilities:
                            drop: [ALL]
                            add:
                                - CHOWN   # chown the cache
                                - NET_BIND_SERVICE
                                # debugging only
                                - SYS_ADMIN
                    image: x
      `;
      const change = harden(text);
      assert.equal(change?.title, 'Harden the container "web" to the restricted Pod Security Standard (remove CHOWN and SYS_ADMIN from capabilities.add)');
      assert.equal(
        apply(text, change),
        text.replace('                        - CHOWN   # chown the cache\n', '').replace('                        - SYS_ADMIN\n', ''),
      );
    });

    it('CRLF, no final newline: an emptied add goes with its key, ALL joins drop', () => {
      const text = 'apiVersion: v1\r\nkind: Pod\r\nmetadata: {name: p}\r\nspec:\r\n  containers:\r\n  - name: web\r\n    securityContext:\r\n      capabilities:\r\n        drop:\r\n        - NET_RAW\r\n        add:\r\n        - SYS_ADMIN';
      const change = harden(text);
      assert.equal(
        change?.title,
        'Harden the container "web" to the restricted Pod Security Standard (allowPrivilegeEscalation: false, capabilities.drop: [ALL], runAsNonRoot: true, seccompProfile.type: RuntimeDefault, remove SYS_ADMIN from capabilities.add)',
      );
      assert.equal(
        apply(text, change),
        'apiVersion: v1\r\nkind: Pod\r\nmetadata: {name: p}\r\nspec:\r\n  containers:\r\n  - name: web\r\n    securityContext:\r\n      capabilities:\r\n        drop:\r\n        - NET_RAW\r\n        - ALL\r\n      allowPrivilegeEscalation: false\r\n      runAsNonRoot: true\r\n      seccompProfile:\r\n        type: RuntimeDefault',
      );
    });

    it('flow: a flow map left with no pair takes drop in place; another spelling of NET_BIND_SERVICE is respelled once', () => {
      const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: web, securityContext: {allowPrivilegeEscalation: true, capabilities: {add: [cap_net_bind_service, KILL, net_bind_service]}}}\n  - name: api\n    securityContext:\n      capabilities: {add: [CHOWN]}\n';
      const [web, api] = changes(text, (ctx) => ctx.object.podSpec!.containers.map((c) => hardenContainerToRestricted(ctx, c, ctx.object.podSpec!)));
      assert.equal(
        web?.title,
        'Harden the container "web" to the restricted Pod Security Standard (allowPrivilegeEscalation: false, capabilities.drop: [ALL], runAsNonRoot: true, seccompProfile.type: RuntimeDefault, remove KILL and net_bind_service from capabilities.add, write cap_net_bind_service as NET_BIND_SERVICE)',
      );
      assert.equal(
        apply(text, web),
        text.replace(
          '{allowPrivilegeEscalation: true, capabilities: {add: [cap_net_bind_service, KILL, net_bind_service]}}',
          '{allowPrivilegeEscalation: false, capabilities: {add: [NET_BIND_SERVICE], drop: [ALL]}, runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}',
        ),
      );
      assert.equal(
        apply(text, api),
        text.replace('capabilities: {add: [CHOWN]}\n', 'capabilities: {drop: [ALL]}\n      allowPrivilegeEscalation: false\n      runAsNonRoot: true\n      seccompProfile:\n        type: RuntimeDefault\n'),
      );
    });

    it('offers nothing when the list is shared through an alias, or the pod runs Windows', () => {
      const aliased = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nx-caps: &caps [SYS_ADMIN]\nspec:\n  containers:\n  - name: web\n    securityContext:\n      capabilities: {add: *caps}\n';
      assert.equal(harden(aliased), undefined);
      const windows = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  os: {name: windows}\n  containers:\n  - name: web\n    securityContext:\n      capabilities: {add: [CHOWN]}\n';
      assert.equal(harden(windows), undefined);
    });
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

  it('containerResourcesChange adds only what is missing, each request equal to its limit', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    resources:\n      limits: {memory: 1Gi}\n';
    const [change] = changes(text, (ctx) => ctx.object.podSpec!.containers.map((c) => containerResourcesChange(ctx, c)));
    // requests.memory copies the limit; both cpu entries are new and take the limit's default.
    assert.equal(change?.title, 'Add requests.cpu: 500m, requests.memory: 1Gi, limits.cpu: 500m to the container "a"');
    assert.equal(
      apply(text, change),
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    resources:\n      limits: {memory: 1Gi, cpu: 500m}\n      requests:\n        cpu: 500m\n        memory: 1Gi\n',
    );
  });

  it('containerResourcesChange copies a request into the new limit as written; null counts as missing', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    resources:\n      requests: {cpu: 2, memory: ~}\n';
    const [change] = changes(text, (ctx) => ctx.object.podSpec!.containers.map((c) => containerResourcesChange(ctx, c)));
    assert.equal(change?.title, 'Add requests.memory: 256Mi, limits.cpu: 2, limits.memory: 256Mi to the container "a"');
    assert.equal(apply(text, change), text.replace('memory: ~}\n', 'memory: 256Mi}\n      limits:\n        cpu: 2\n        memory: 256Mi\n'));
    // A request that is no quantity is not copied: the limit takes the default.
    const odd = text.replace('cpu: 2', 'cpu: "$(CPU)"');
    const [fallback] = changes(odd, (ctx) => ctx.object.podSpec!.containers.map((c) => containerResourcesChange(ctx, c)));
    assert.equal(fallback?.title, 'Add requests.memory: 256Mi, limits.cpu: 500m, limits.memory: 256Mi to the container "a"');
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
