import { nonSecretValueReason } from '../../engine/secrets';
import { defineKubernetesRule } from '../../engine/rule';
import { child, entries, str, type NodeRef } from '../../engine/yaml/nav';

/** SOPS encrypts each value as `ENC[AES256_GCM,data:...]` and adds a top-level `sops` key. */
const SOPS_VALUE = /^ENC\[[A-Z0-9_]+,data:/;

/** Values that are really in the file: not empty and not filled in at deploy time. */
function committedValues(section: NodeRef | undefined): string[] {
  return entries(section).flatMap(([key, ref]) => {
    const value = str(ref) ?? '';
    if (value.trim() === '' || SOPS_VALUE.test(value)) return [];
    return nonSecretValueReason(value) === 'a reference filled in at deploy time' ? [] : [key];
  });
}

export default defineKubernetesRule({
  meta: {
    id: 'plaintext-secret',
    title: 'Secret committed in plaintext',
    severity: 'warning',
    category: 'Secrets',
    tier: 'recommended',
    description:
      'A `Secret` manifest with values under `data` or `stringData` puts the credentials in the repository: `data` is only base64-encoded, which anyone can decode, and git history keeps them after they are removed. Secrets whose values are all empty, filled in at deploy time (`${VAR}`, `{{ }}`) or encrypted with SOPS are not flagged, nor are service account token Secrets without data.',
    remediation:
      'Keep the values out of git: create the Secret from an external secret store (External Secrets Operator, Secrets Store CSI driver, Vault), commit a SealedSecret, or encrypt the file with SOPS. Rotate credentials that were committed.',
    references: {
      cis: ['5.4.2'],
      links: ['https://kubernetes.io/docs/concepts/security/secrets-good-practices/'],
    },
  },
  kinds: ['Secret'],
  check(context) {
    const root = context.object.root;
    if (child(root, 'sops')) return;
    for (const section of ['data', 'stringData'] as const) {
      const ref = child(root, section);
      const keys = committedValues(ref);
      if (keys.length === 0) continue;
      const what = keys.length === 1 ? `the value of "${keys[0]}"` : `${keys.length} values`;
      const encoding = section === 'data' ? ' (base64 is an encoding, not encryption)' : '';
      context.report({
        at: ref!,
        message: `Secret "${context.object.name}" commits ${what} in plaintext under ${section}${encoding}. Use an external secret store, Sealed Secrets or SOPS instead.`,
      });
    }
  },
});
