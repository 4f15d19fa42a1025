import type { KubernetesRule } from '../../engine/rule';
import defaultNamespace from './default-namespace';
import kubeSystemWorkload from './kube-system-workload';
import namespaceNotSet from './namespace-not-set';

/** The namespaces rules, one per file (registry: rules/index.ts). */
export const NAMESPACE_RULES: readonly KubernetesRule[] = [defaultNamespace, namespaceNotSet, kubeSystemWorkload];
