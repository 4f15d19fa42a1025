import { defineKubernetesRule } from '../../engine/rule';
import { child, entries, str } from '../../engine/yaml/nav';

/**
 * Only data with a checksum is reported: an IBAN (ISO 13616, mod 97) or a payment card number
 * (Luhn, with a card brand's prefix). Emails, phone numbers and hashes, which other tools flag,
 * are too common in ordinary configuration to be worth a finding.
 */
const IBAN_CANDIDATE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g;
const CARD_CANDIDATE = /\b(?:\d[ -]?){12,18}\d\b/g;
const CARD_PREFIX = /^(4|5[1-5]|2[2-7]|3[47]|6(?:011|5))/;

function isValidIban(candidate: string): boolean {
  const iban = candidate.replace(/ /g, '');
  if (iban.length < 15 || iban.length > 34) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const digits = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

function isValidCard(candidate: string): boolean {
  const digits = candidate.replace(/[ -]/g, '');
  if (digits.length < 13 || digits.length > 19 || !CARD_PREFIX.test(digits) || /^(\d)\1+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The kind of personal data in a value, if any. */
export function personalDataIn(value: string): 'an IBAN' | 'a payment card number' | undefined {
  if ([...value.matchAll(IBAN_CANDIDATE)].some((m) => isValidIban(m[0]))) return 'an IBAN';
  if ([...value.matchAll(CARD_CANDIDATE)].some((m) => isValidCard(m[0]))) return 'a payment card number';
  return undefined;
}

export default defineKubernetesRule({
  meta: {
    id: 'configmap-personal-data',
    title: 'Personal financial data in a ConfigMap',
    severity: 'warning',
    category: 'Secrets',
    tier: 'strict',
    description:
      'A ConfigMap value contains an IBAN or a payment card number (both verified by their checksums). ConfigMaps are readable by anyone with broad read access, never encrypted at rest, and committed with the manifests: personal financial data does not belong there (and may put the repository in scope of PCI DSS or GDPR).',
    remediation: 'Remove the data from the manifest; keep it in the application\'s datastore, or in a Secret sourced from an external secret store if the workload really needs it.',
    references: { trivy: ['KSV01010'] },
  },
  kinds: ['ConfigMap'],
  check(context) {
    for (const [key, valueRef] of entries(child(context.object.root, 'data'))) {
      const value = str(valueRef);
      const found = value === undefined ? undefined : personalDataIn(value);
      if (!found) continue;
      context.report({
        at: valueRef,
        message: `ConfigMap "${context.object.name}" holds ${found} under data key "${key}". Remove personal financial data from manifests.`,
      });
    }
  },
});
