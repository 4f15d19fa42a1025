import type { References } from './types';

/** How each reference source is named to people (docs, hovers, SARIF help, `palisade rules`). */
export const REFERENCE_SOURCES: ReadonlyArray<readonly [Exclude<keyof References, 'pss' | 'links'>, string]> = [
  ['cis', 'CIS Kubernetes Benchmark'],
  ['nsa', 'NSA/CISA Kubernetes Hardening Guidance'],
  ['kubeLinter', 'kube-linter'],
  ['checkov', 'Checkov'],
  ['trivy', 'Trivy'],
  ['polaris', 'Polaris'],
  ['kubesec', 'kubesec'],
  ['kubeScore', 'kube-score'],
  ['hadolint', 'hadolint'],
];
