/** Gateway API listeners, as the Gateway rules read them. */
import type { K8sObject } from '../../engine/kubernetes/object';
import { child, items, num, str, type NodeRef } from '../../engine/yaml/nav';

export interface ListenerView {
  ref: NodeRef;
  name: string;
  protocol?: string;
  protocolRef?: NodeRef;
  port?: number;
  portRef?: NodeRef;
  hostname?: string;
}

export function isGateway(object: K8sObject): boolean {
  return object.kind === 'Gateway' && object.apiVersion.startsWith('gateway.networking.k8s.io/');
}

export function listenersOf(gateway: K8sObject): ListenerView[] {
  return items(child(child(gateway.root, 'spec'), 'listeners')).map((ref, index) => {
    const protocolRef = child(ref, 'protocol');
    const portRef = child(ref, 'port');
    return {
      ref,
      name: str(child(ref, 'name')) ?? `#${index + 1}`,
      protocol: str(protocolRef),
      protocolRef,
      port: num(portRef),
      portRef,
      hostname: str(child(ref, 'hostname')),
    };
  });
}

