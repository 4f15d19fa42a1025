/**
 * What the cross-file rules share: namespaces, label selectors and the lookups they make in
 * the workspace index.
 *
 * The "is it managed here?" heuristic: a rule reports that X is missing (no ServiceAccount,
 * no Service, no workload selected) only when the scanned files contain at least one object of
 * X's kind in that namespace. Scanning one file, or a repository that deploys its
 * ServiceAccounts or workloads elsewhere (Helm, another repo), then reports nothing instead of
 * flooding every reference with "missing".
 *
 * Manifests without `metadata.namespace` are applied with `kubectl apply -n`, so for lookups
 * (is there such a Service, ServiceAccount, workload?) an object without a namespace may share
 * any namespace (`mayShareNamespace`). Pod labels a controller adds to its pods
 * (`statefulset.kubernetes.io/pod-name`, `pod-template-hash`, ...) are not in templates, so
 * selectors that use them are matched without them.
 */
import type { K8sObject } from '../../engine/kubernetes/object';
import type { WorkspaceObject } from '../../engine/rule';
import { child, items, str, stringItems, stringMap, type NodeRef } from '../../engine/yaml/nav';

export function namespaceOf(object: K8sObject): string {
  return object.namespace ?? 'default';
}

/** Objects that run pods (PodTemplate only describes one). */
/** Could the two objects end up in the same namespace? (see the module comment) */
export function mayShareNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/**
 * `mayShareNamespace` for two objects, with one more limit: two manifests that both set no
 * namespace only meet when they are in the same folder, so unrelated samples of one
 * repository (which reuse names and labels) do not judge each other.
 */
export function mayShareScope(a: WorkspaceObject, b: WorkspaceObject): boolean {
  if (a.object.namespace === undefined && b.object.namespace === undefined) return folderOf(a.file) === folderOf(b.file);
  return mayShareNamespace(a.object.namespace, b.object.namespace);
}

/** Labels controllers add to the pods they create, never present in a pod template. */
const CONTROLLER_LABELS = new Set([
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'controller-revision-hash',
  'pod-template-hash',
  'pod-template-generation',
  'job-name',
  'controller-uid',
  'batch.kubernetes.io/job-name',
  'batch.kubernetes.io/controller-uid',
  'batch.kubernetes.io/job-completion-index',
]);

export function isWorkload(object: K8sObject): boolean {
  return object.podSpec !== undefined && object.kind !== 'PodTemplate';
}

export function isNetworkPolicy(object: K8sObject): boolean {
  return object.kind === 'NetworkPolicy' && object.apiVersion.startsWith('networking.k8s.io/');
}

export function isService(object: K8sObject): boolean {
  return object.kind === 'Service' && object.apiVersion === 'v1';
}

export interface LabelSelector {
  matchLabels: Record<string, string>;
  expressions: Array<{ key: string; operator: string; values: string[] }>;
}

/** A `metav1.LabelSelector` (matchLabels and matchExpressions). */
export function readLabelSelector(ref: NodeRef | undefined): LabelSelector {
  return {
    matchLabels: stringMap(child(ref, 'matchLabels')),
    expressions: items(child(ref, 'matchExpressions')).map((e) => ({
      key: str(child(e, 'key')) ?? '',
      operator: str(child(e, 'operator')) ?? '',
      values: stringItems(child(e, 'values')).map((v) => v.value),
    })),
  };
}

/** A Service's (or ReplicationController's) plain map selector. */
export function mapSelector(ref: NodeRef | undefined): LabelSelector {
  return { matchLabels: stringMap(ref), expressions: [] };
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.expressions.length === 0;
}

/** Label selector semantics of the API server; an unknown operator matches nothing. */
export function selects(selector: LabelSelector, labels: Record<string, string>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels)) if (!CONTROLLER_LABELS.has(key) && labels[key] !== value) return false;
  return selector.expressions.every(({ key, operator, values }) => {
    if (CONTROLLER_LABELS.has(key)) return true;
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    switch (operator) {
      case 'In':
        return has && values.includes(labels[key]);
      case 'NotIn':
        return !has || !values.includes(labels[key]);
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
      default:
        return false;
    }
  });
}

export function describeSelector(selector: LabelSelector): string {
  const parts = [
    ...Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v}`),
    ...selector.expressions.map((e) => `${e.key} ${e.operator}${e.values.length ? ` (${e.values.join(', ')})` : ''}`),
  ];
  return parts.join(', ');
}

/**
 * Rules look candidates up once per referring object: memoized per object list (one run of the
 * rules), by filter and namespace, the lookups stay linear in the number of objects instead of
 * quadratic, which a 1,000-document file re-checked on every keystroke needs.
 */
const candidateCache = new WeakMap<readonly WorkspaceObject[], Map<(o: K8sObject) => boolean, Map<string | undefined, readonly WorkspaceObject[]>>>();

/** The objects `keep` accepts that may share `namespace` with the referring object. */
export function candidates(objects: readonly WorkspaceObject[], namespace: string | undefined, keep: (o: K8sObject) => boolean): readonly WorkspaceObject[] {
  let byFilter = candidateCache.get(objects);
  if (!byFilter) candidateCache.set(objects, (byFilter = new Map()));
  let byNamespace = byFilter.get(keep);
  if (!byNamespace) byFilter.set(keep, (byNamespace = new Map()));
  let found = byNamespace.get(namespace);
  if (!found) byNamespace.set(namespace, (found = objects.filter((o) => keep(o.object) && mayShareNamespace(o.object.namespace, namespace))));
  return found;
}

/** Groups objects by namespace, keeping only those `keep` accepts. */
export function byNamespace(objects: readonly WorkspaceObject[], keep: (o: K8sObject) => boolean): Map<string, WorkspaceObject[]> {
  const out = new Map<string, WorkspaceObject[]>();
  for (const o of objects) {
    if (!keep(o.object)) continue;
    const ns = namespaceOf(o.object);
    const list = out.get(ns);
    if (list) list.push(o);
    else out.set(ns, [o]);
  }
  return out;
}

/** Where a workload's pod labels are, to point at (the labels key, else the kind). */
export function podLabelsAnchor(object: K8sObject): NodeRef {
  return child(object.podSpec?.metadata, 'labels') ?? object.kindRef;
}

/** A reference to a map value's key scalar: one word to highlight instead of a block. */
export function keyOf(ref: NodeRef): NodeRef {
  return ref.key ? { node: ref.key, path: ref.path, doc: ref.doc } : ref;
}

/** A placeholder filled in by a script or template (`$NAME`, `${NAME}`, `<name>`), not a real name. */
export function isPlaceholder(name: string): boolean {
  return /[$<>{}]/.test(name);
}

/**
 * Custom resources (groups outside Kubernetes' own `*.k8s.io` and core groups) in the same
 * folder: operators (Prometheus, Elasticsearch, LeaderWorkerSet, ...) create pods from them,
 * so "selects no workload" cannot be judged from the manifests.
 */
export function operatorMayCreatePods(objects: readonly WorkspaceObject[], target: WorkspaceObject): boolean {
  const namespaces = customResourceNamespaces(objects).get(folderOf(target.file)) ?? [];
  return namespaces.some((namespace) => mayShareNamespace(namespace, target.object.namespace));
}

const customResourceCache = new WeakMap<readonly WorkspaceObject[], Map<string, Array<string | undefined>>>();

/** The namespaces of the custom resources of each folder, computed once per object list. */
function customResourceNamespaces(objects: readonly WorkspaceObject[]): Map<string, Array<string | undefined>> {
  let byFolder = customResourceCache.get(objects);
  if (byFolder) return byFolder;
  byFolder = new Map();
  for (const o of objects) {
    if (!isCustomResource(o.object)) continue;
    const folder = folderOf(o.file);
    const namespaces = byFolder.get(folder);
    if (namespaces) namespaces.push(o.object.namespace);
    else byFolder.set(folder, [o.object.namespace]);
  }
  customResourceCache.set(objects, byFolder);
  return byFolder;
}

function isCustomResource(object: K8sObject): boolean {
  const slash = object.apiVersion.indexOf('/');
  if (slash < 0) return false;
  const group = object.apiVersion.slice(0, slash);
  return group.includes('.') && !group.endsWith('.k8s.io') && object.kind !== 'CustomResourceDefinition';
}

/** The folder of a path or URI (the engine takes both). */
export function folderOf(file: string): string {
  // A bare name (the CLI's paths are relative to the cwd) is in the cwd: '', not its name minus a letter.
  return file.slice(0, Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'), 0));
}
