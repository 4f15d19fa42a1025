import type { KubernetesRule } from '../../engine/rule';
import configmapSecretValue from './configmap-secret-value';
import configmapSensitiveKey from './configmap-sensitive-key';
import envVarSecretLiteral from './env-var-secret-literal';
import plaintextSecret from './plaintext-secret';
import secretAsEnvVar from './secret-as-env-var';
import configmapPersonalData from './configmap-personal-data';

/** The secrets rules, one per file (registry: rules/index.ts). */
export const SECRET_RULES: readonly KubernetesRule[] = [
  envVarSecretLiteral,
  secretAsEnvVar,
  configmapSecretValue,
  configmapSensitiveKey,
  plaintextSecret,
  configmapPersonalData,
];
