import { decodeBase64Text, scanSecretFormats } from '../../engine/secrets';
import { defineKubernetesRule } from '../../engine/rule';
import { child, entries, str } from '../../engine/yaml/nav';

export default defineKubernetesRule({
  meta: {
    id: 'configmap-secret-value',
    title: 'Credential stored in a ConfigMap',
    severity: 'error',
    category: 'Secrets',
    tier: 'recommended',
    description:
      'A ConfigMap value (`data`, or text inside `binaryData`) contains a private key or a credential in a well-known format (cloud keys, API tokens, passwords in URLs; secretlint\'s recommended formats plus a few more), anywhere in the value, including inside embedded configuration files. ConfigMaps are meant for non-confidential data: RBAC usually grants wide read access to them, they are never encrypted at rest, and they are printed by `kubectl describe`.',
    remediation:
      'Move the credential to a Secret (created from an external secret store, a SealedSecret or a SOPS-encrypted file, not committed in plaintext) and mount it next to the configuration. Rotate a credential that was committed.',
    references: {
      trivy: ['KSV109'],
      polaris: ['sensitiveConfigmapContent'],
      links: ['https://kubernetes.io/docs/concepts/configuration/configmap/'],
    },
  },
  kinds: ['ConfigMap'],
  check(context) {
    const name = context.object.name;
    for (const section of ['data', 'binaryData'] as const) {
      for (const [key, valueRef] of entries(child(context.object.root, section))) {
        const raw = str(valueRef);
        const value = raw !== undefined && section === 'binaryData' ? decodeBase64Text(raw) : raw;
        if (value === undefined) continue;
        const [secret] = scanSecretFormats(value, key);
        if (!secret) continue;
        context.report({
          at: valueRef,
          message: `ConfigMap "${name}" holds a ${secret.kind === 'private-key' ? 'private key' : 'credential'} under ${section} key "${key}" (${secret.description}). Move it to a Secret.`,
        });
      }
    }
  },
});
