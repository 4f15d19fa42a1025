/**
 * The Kubernetes view of one YAML document: what rules need (kind, name, namespace, labels,
 * the pod spec of any workload kind, every container with its security context) without
 * juggling paths. Every piece keeps its NodeRef so findings point at exact ranges.
 */
import type { ObjectRef } from '../types';
import { at, child, items, str, stringMap, type DocumentScope, type NodeRef, rootRef } from '../yaml/nav';

/** Where the pod spec and pod metadata live, per workload kind. */
const POD_TEMPLATE_PATHS: Record<string, { spec: string[]; metadata: string[] }> = {
  Pod: { spec: ['spec'], metadata: ['metadata'] },
  Deployment: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  StatefulSet: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  DaemonSet: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  ReplicaSet: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  ReplicationController: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  Job: { spec: ['spec', 'template', 'spec'], metadata: ['spec', 'template', 'metadata'] },
  CronJob: {
    spec: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    metadata: ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
  },
  PodTemplate: { spec: ['template', 'spec'], metadata: ['template', 'metadata'] },
};

export const WORKLOAD_KINDS: readonly string[] = Object.keys(POD_TEMPLATE_PATHS);

export type ContainerType = 'containers' | 'initContainers' | 'ephemeralContainers';
export const CONTAINER_TYPES: readonly ContainerType[] = ['containers', 'initContainers', 'ephemeralContainers'];

/** Fields of a container's securityContext that the pod-level securityContext can also set. */
const POD_LEVEL_SECURITY_FIELDS = new Set([
  'runAsUser',
  'runAsGroup',
  'runAsNonRoot',
  'seLinuxOptions',
  'seccompProfile',
  'appArmorProfile',
  'windowsOptions',
]);

export interface ContainerView {
  ref: NodeRef;
  type: ContainerType;
  index: number;
  name: string;
  /** What to point at when something is missing: the `name` value, else the item. */
  anchor: NodeRef;
  securityContext?: NodeRef;
}

export interface PodSpecView {
  ref: NodeRef;
  metadata?: NodeRef;
  securityContext?: NodeRef;
  /** containers, then initContainers, then ephemeralContainers. */
  containers: ContainerView[];
  /** Pod annotations (the template's for controllers). */
  annotations: Record<string, string>;
  labels: Record<string, string>;
  /** `spec.os.name: windows` exempts pods from Linux-only controls. */
  isWindows: boolean;
}

export interface K8sObject {
  root: NodeRef;
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  metadata?: NodeRef;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The `kind` value: where object-level findings point. */
  kindRef: NodeRef;
  podSpec?: PodSpecView;
}

/** The Kubernetes object a document holds, or undefined when it is not one (ignored quietly). */
export function readKubernetesObject(scope: DocumentScope): K8sObject | undefined {
  const root = rootRef(scope);
  const kindRef = child(root, 'kind');
  const kind = str(kindRef);
  const apiVersion = str(child(root, 'apiVersion'));
  if (!root || !kindRef || !kind || !apiVersion) return undefined;
  const metadata = child(root, 'metadata');
  return {
    root,
    apiVersion,
    kind,
    name: str(child(metadata, 'name')) ?? str(child(metadata, 'generateName')) ?? '',
    namespace: str(child(metadata, 'namespace')),
    metadata,
    labels: stringMap(child(metadata, 'labels')),
    annotations: stringMap(child(metadata, 'annotations')),
    kindRef,
    podSpec: readPodSpec(root, kind),
  };
}

function readPodSpec(root: NodeRef, kind: string): PodSpecView | undefined {
  const paths = POD_TEMPLATE_PATHS[kind];
  if (!paths) return undefined;
  const ref = at(root, ...paths.spec);
  if (!ref) return undefined;
  const metadata = at(root, ...paths.metadata);
  return {
    ref,
    metadata,
    securityContext: child(ref, 'securityContext'),
    containers: CONTAINER_TYPES.flatMap((type) => readContainers(ref, type)),
    annotations: stringMap(child(metadata, 'annotations')),
    labels: stringMap(child(metadata, 'labels')),
    isWindows: str(at(ref, 'os', 'name'))?.toLowerCase() === 'windows',
  };
}

function readContainers(podSpec: NodeRef, type: ContainerType): ContainerView[] {
  return items(child(podSpec, type)).map((ref, index) => {
    const nameRef = child(ref, 'name');
    return {
      ref,
      type,
      index,
      name: str(nameRef) ?? `#${index + 1}`,
      anchor: nameRef && str(nameRef) !== undefined ? nameRef : ref,
      securityContext: child(ref, 'securityContext'),
    };
  });
}

/**
 * The security setting that applies to a container: its own value, else the pod's, for the
 * fields the pod-level securityContext has. Tells which level set it.
 */
export function effectiveSecurity(
  pod: PodSpecView,
  container: ContainerView,
  field: string,
): { ref: NodeRef; level: 'container' | 'pod' } | undefined {
  const own = child(container.securityContext, field);
  if (own) return { ref: own, level: 'container' };
  if (!POD_LEVEL_SECURITY_FIELDS.has(field)) return undefined;
  const inherited = child(pod.securityContext, field);
  return inherited ? { ref: inherited, level: 'pod' } : undefined;
}

export function objectRef(object: K8sObject): ObjectRef {
  return object.namespace === undefined
    ? { kind: object.kind, name: object.name }
    : { kind: object.kind, name: object.name, namespace: object.namespace };
}

/** "container \"web\"" or "init container \"setup\"", for messages. */
export function describeContainer(container: ContainerView): string {
  const label = { containers: 'container', initContainers: 'init container', ephemeralContainers: 'ephemeral container' }[
    container.type
  ];
  return `${label} "${container.name}"`;
}
