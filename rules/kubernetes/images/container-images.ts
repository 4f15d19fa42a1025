/** The parsed image of each container, for the image rules. */
import type { KubernetesRuleContext } from '../../engine/rule';
import { child, str, type NodeRef } from '../../engine/yaml/nav';
import { forEachContainer, type ContainerView, type PodSpecView } from '../helpers';
import { parseImageReference, type ImageReference } from './image-reference';

export interface ContainerImage {
  container: ContainerView;
  pod: PodSpecView;
  /** The `image` value node. */
  ref: NodeRef;
  image: ImageReference;
}

/** Visits every container whose `image` parses; templated or malformed images are skipped. */
export function forEachContainerImage(context: KubernetesRuleContext, visit: (image: ContainerImage) => void): void {
  forEachContainer(context, (container, pod) => {
    const ref = child(container.ref, 'image');
    const text = str(ref);
    const image = text === undefined ? undefined : parseImageReference(text);
    if (ref && image) visit({ container, pod, ref, image });
  });
}
