import { defineKubernetesRule } from '../../engine/rule';
import { ensureEntries } from '../../engine/yaml/edits';
import { child, isMapRef } from '../../engine/yaml/nav';

/**
 * Trivy's KSV038 flags policies with no selector anywhere; what is actually wrong in those is
 * the missing `spec.podSelector` (policies that only allow ipBlocks or ports are normal), so
 * that is what this checks, whatever the peers say.
 */
export default defineKubernetesRule({
  meta: {
    id: 'network-policy-missing-pod-selector',
    title: 'NetworkPolicy without spec.podSelector',
    severity: 'info',
    category: 'Network',
    tier: 'strict',
    description:
      '`spec.podSelector` is a required field of a NetworkPolicy. The API server reads a missing one as `{}`, so the policy applies to every pod of the namespace: its allow rules then open every pod to those peers, which is rarely what a policy written for one application meant.',
    remediation: 'Write the selector out: `podSelector: {}` when the policy is meant for every pod (a default deny), otherwise `podSelector: {matchLabels: ...}` with the labels of the pods it protects.',
    references: {
      nsa: ['Network separation and hardening'],
      trivy: ['KSV038'],
      links: ['https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/#NetworkPolicySpec'],
    },
  },
  kinds: ['NetworkPolicy'],
  check(context) {
    const { object, text } = context;
    if (!object.apiVersion.startsWith('networking.k8s.io/')) return;
    const spec = child(object.root, 'spec');
    if (child(spec, 'podSelector')) return;
    const at = spec && spec.key ? { node: spec.key, path: spec.path, doc: spec.doc } : object.kindRef;
    context.report({
      at,
      message: `The NetworkPolicy "${object.name}" has no spec.podSelector, so it applies to every pod of its namespace. Write podSelector: {} if that is meant, or match the labels of the pods it protects.`,
      fix: isMapRef(spec) ? () => ({ title: 'Add podSelector: {} (what the API server assumes)', edits: ensureEntries(text, spec!, { podSelector: {} }) ?? [] }) : undefined,
    });
  },
});
