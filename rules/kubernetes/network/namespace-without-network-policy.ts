import { describeContainer, type K8sObject } from '../../engine/kubernetes/object';
import { WORKLOAD_KINDS } from '../helpers';
import { defineWorkspaceRule, type ProposedChange, type WorkspaceObject } from '../../engine/rule';
import type { TextEdit } from '../../engine/types';
import { appendDocument, documentStyle, renderBlock, type YamlObject } from '../../engine/yaml/edits';
import { child, items, num, str } from '../../engine/yaml/nav';
import { snippetText } from '../fixes/snippets';

const DEFAULT_NAMESPACE = 'default';

function namespaceOf(object: K8sObject): string {
  return object.namespace ?? DEFAULT_NAMESPACE;
}

function isNetworkPolicy(object: K8sObject): boolean {
  return object.kind === 'NetworkPolicy' && object.apiVersion.startsWith('networking.k8s.io/');
}

export default defineWorkspaceRule({
  meta: {
    id: 'namespace-without-network-policy',
    title: 'Workload in a namespace without any NetworkPolicy',
    severity: 'warning',
    category: 'Network',
    tier: 'recommended',
    description:
      'Without a NetworkPolicy, every pod of a namespace accepts connections from any pod of the cluster and can reach any address: one compromised pod can probe and attack all the others. The check looks at the NetworkPolicies among the scanned files; a workload without `metadata.namespace` counts as being in `default`.',
    remediation:
      'Add a default-deny NetworkPolicy to the namespace (`podSelector: {}` with `policyTypes: [Ingress, Egress]`), then one policy per workload that allows the traffic it needs.',
    references: {
      cis: ['5.3.2'],
      nsa: ['Network separation and hardening'],
      kubeLinter: ['non-isolated-pod'],
      checkov: ['CKV2_K8S_6'],
      polaris: ['missingNetworkPolicy'],
      kubeScore: ['pod-networkpolicy'],
      links: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies'],
    },
  },
  reads: [...WORKLOAD_KINDS],
  check(context) {
    const covered = new Set(context.objects.filter((o) => isNetworkPolicy(o.object)).map((o) => namespaceOf(o.object)));
    for (const target of context.objects) {
      const { object } = target;
      if (!object.podSpec || covered.has(namespaceOf(object))) continue;
      const namespace = namespaceOf(object);
      const at = child(object.metadata, 'namespace') ?? object.kindRef;
      context.report(target, {
        at,
        message: `The ${object.kind} "${object.name}" runs in namespace "${namespace}", which has no NetworkPolicy: its pods accept traffic from anywhere. Add a default-deny NetworkPolicy to "${namespace}" and allow only what the workload needs.`,
        suggestions: () => [defaultDenyChange(target), allowIngressChange(target)].filter((c): c is ProposedChange => c !== undefined),
      });
    }
  },
});

/** The default-deny snippet, for the workload's namespace (left out when the workload sets none). */
function defaultDenyChange(target: WorkspaceObject): ProposedChange | undefined {
  if (target.text === undefined) return undefined;
  const edits = appendDefaultDenyPolicy(target.text, target.object.namespace);
  return edits ? { title: `Add a default-deny NetworkPolicy for namespace "${namespaceOf(target.object)}" (blocks all traffic not allowed by another policy)`, edits } : undefined;
}

/**
 * The default-deny snippet (ingress and egress of every pod) as a new document after `text`,
 * for `namespace` (no namespace line when undefined) and named `name` (the snippet's default
 * otherwise). Shared with the cross-file default-deny rules so both offer the same policy.
 */
export function appendDefaultDenyPolicy(text: string, namespace: string | undefined, name?: string): TextEdit[] | undefined {
  const values: Record<string, string> = { 'my-namespace': namespace ?? '', ...(name !== undefined ? { 'default-deny': name } : {}) };
  return appendDocument(text, withNamespace(snippetText('Default-deny NetworkPolicy', values), namespace));
}

/** A policy that selects the workload's pods by their labels and admits traffic to their container ports. */
function allowIngressChange(target: WorkspaceObject): ProposedChange | undefined {
  const { object, text } = target;
  const pod = object.podSpec;
  if (text === undefined || !pod || Object.keys(pod.labels).length === 0) return undefined;
  const ports = pod.containers.flatMap((c) =>
    items(child(c.ref, 'ports')).flatMap((p) => {
      const port = num(child(p, 'containerPort'));
      return port === undefined ? [] : [{ protocol: str(child(p, 'protocol')) ?? 'TCP', port, container: describeContainer(c) }];
    }),
  );
  if (ports.length === 0) return undefined;
  const policy: YamlObject = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: `${object.name}-allow-ingress`, ...(object.namespace !== undefined ? { namespace: object.namespace } : {}) },
    spec: {
      podSelector: { matchLabels: pod.labels },
      policyTypes: ['Ingress'],
      ingress: [{ ports: ports.map(({ protocol, port }) => ({ protocol, port })) }],
    },
  };
  const edits = appendDocument(text, renderBlock(policy, documentStyle(text, object.root)));
  const list = ports.map((p) => `${p.port}/${p.protocol}`).join(', ');
  return edits ? { title: `Add a NetworkPolicy for the ${object.kind} "${object.name}" that allows ingress to ports ${list} only`, edits } : undefined;
}

function withNamespace(body: string, namespace: string | undefined): string {
  if (namespace !== undefined) return body;
  return body
    .split('\n')
    .filter((line) => !/^\s+namespace:\s*$/.test(line))
    .join('\n');
}
