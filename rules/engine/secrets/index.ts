/**
 * The secret detector, for rules of any language: Kubernetes env vars and ConfigMaps today,
 * Dockerfile ENV/ARG later. See detect.ts for how evidence is weighed.
 */
export type { SecretKind, SecretMatch } from './types';
export { detectSecret, scanSecretFormats } from './detect';
export { decodeBase64Text, findSensitiveAssignments, type EmbeddedSecret } from './embedded';
export { nameWords, sensitiveNameReason } from './names';
export { nonSecretValueReason } from './values';
