import type { Rule } from '../../engine/rule';
import gatewayHttpOnHttpsPort from './gateway-http-on-https-port';
import gatewayWithoutHttpsListener from './gateway-without-https-listener';
import ingressNginxAnnotationInjection from './ingress-nginx-annotation-injection';
import ingressNginxSnippetAnnotation from './ingress-nginx-snippet-annotation';
import invalidPortName from './invalid-port-name';
import loadBalancerWithoutSourceRanges from './load-balancer-without-source-ranges';
import networkPolicyAllowsAll from './network-policy-allows-all';
import networkPolicyMissingPodSelector from './network-policy-missing-pod-selector';
import serviceExternalIps from './service-external-ips';
import serviceNodePort from './service-node-port';

/** Single-object network exposure rules: Service, Ingress, Gateway, NetworkPolicy (registry: rules/index.ts). */
export const EXPOSURE_RULES: readonly Rule[] = [
  serviceNodePort,
  loadBalancerWithoutSourceRanges,
  serviceExternalIps,
  ingressNginxSnippetAnnotation,
  ingressNginxAnnotationInjection,
  networkPolicyAllowsAll,
  networkPolicyMissingPodSelector,
  invalidPortName,
  gatewayHttpOnHttpsPort,
  gatewayWithoutHttpsListener,
];
