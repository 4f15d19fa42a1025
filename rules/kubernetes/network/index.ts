import type { Rule } from '../../engine/rule';
import ingressMissingTls from './ingress-missing-tls';
import namespaceWithoutNetworkPolicy from './namespace-without-network-policy';

/** Network exposure and isolation rules, one per file (registry: rules/index.ts). */
export const NETWORK_RULES: readonly Rule[] = [ingressMissingTls, namespaceWithoutNetworkPolicy];
