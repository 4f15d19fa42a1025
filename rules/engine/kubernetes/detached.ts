/**
 * A Kubernetes object kept as plain facts, whose YAML nodes are read again from its text only
 * when something asks for them. Parsed YAML costs about ten times the text it came from, and a
 * workspace index that keeps every document's nodes alive spends most of its memory on
 * documents nobody reads again (CRDs, bundles of config): those objects are detached.
 * Used for objects analysed on another thread (portable.ts) and for objects whose kind no
 * workspace rule reads (AnalysisCache with `keepNodesOf`).
 */
import type { K8sObject } from './object';

/** What is known about an object without its YAML nodes. */
export interface ObjectFacts {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  hasPodSpec: boolean;
}

export function factsOf(object: K8sObject): ObjectFacts {
  const facts: ObjectFacts = {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.name,
    labels: object.labels,
    annotations: object.annotations,
    hasPodSpec: object.podSpec !== undefined,
  };
  if (object.namespace !== undefined) facts.namespace = object.namespace;
  return facts;
}

/**
 * An object that answers facts at once and reads its nodes with `load` the first time one is
 * asked for (then keeps them). `load` must read the same document with the same code, so the
 * nodes are the ones the object had.
 */
export function detachedObject(facts: ObjectFacts, load: () => K8sObject): K8sObject {
  let loaded: K8sObject | undefined;
  const nodes = () => (loaded ??= load());
  return {
    apiVersion: facts.apiVersion,
    kind: facts.kind,
    name: facts.name,
    namespace: facts.namespace,
    labels: facts.labels,
    annotations: facts.annotations,
    get root() {
      return nodes().root;
    },
    get metadata() {
      return nodes().metadata;
    },
    get kindRef() {
      return nodes().kindRef;
    },
    get podSpec() {
      return facts.hasPodSpec ? nodes().podSpec : undefined;
    },
  };
}
