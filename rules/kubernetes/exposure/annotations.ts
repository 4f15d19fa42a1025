/** Annotation references for messages that point at the annotation's key. */
import { child, type NodeRef } from '../../engine/yaml/nav';
import type { K8sObject } from '../../engine/kubernetes/object';

export interface AnnotationRef {
  key: string;
  value: string;
  /** The key scalar: block-scalar values span many lines, the key is one word. */
  keyRef: NodeRef;
}

export function annotationRefs(object: K8sObject): AnnotationRef[] {
  const map = child(object.metadata, 'annotations');
  return Object.entries(object.annotations).flatMap(([key, value]) => {
    const ref = child(map, key);
    if (!ref) return [];
    return [{ key, value, keyRef: ref.key ? { node: ref.key, path: ref.path, doc: ref.doc } : ref }];
  });
}
