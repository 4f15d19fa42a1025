import { defineKubernetesRule, type ProposedChange } from '../../engine/rule';
import { setScalar } from '../../engine/yaml/edits';
import { child, entries, str, type NodeRef } from '../../engine/yaml/nav';
import { isLevel, isVersionLabel, LEVELS, MODES, PSA_PREFIX } from './psa';

const MODE_KEYS = new Set(MODES.map((m) => `${PSA_PREFIX}${m}`));
const VERSION_KEYS = new Set(MODES.map((m) => `${PSA_PREFIX}${m}-version`));

export default defineKubernetesRule({
  meta: {
    id: 'invalid-pod-security-label',
    title: 'Invalid Pod Security Admission label',
    severity: 'error',
    category: 'Admission',
    tier: 'recommended',
    description:
      'Pod Security Admission reads `pod-security.kubernetes.io/<mode>` (`enforce`, `audit`, `warn`) with a level (`privileged`, `baseline`, `restricted`, lower case) and `<mode>-version` with `latest` or `v1.N`. It refuses to create a Namespace whose labels it cannot parse, and evaluates pods of an existing one at `restricted`/`latest`. Other keys under the prefix (typos such as `enforcement`) are ignored by PSA, so the namespace is not protected as intended.',
    remediation: 'Write `pod-security.kubernetes.io/enforce: restricted` (or `baseline`), and versions as `latest` or `v1.30`.',
    references: {
      cis: ['5.2.1'],
      links: ['https://kubernetes.io/docs/concepts/security/pod-security-admission/#pod-security-admission-labels-for-namespaces'],
    },
  },
  kinds: ['Namespace'],
  check(context) {
    for (const [key, value] of entries(child(context.object.metadata, 'labels'))) {
      if (!key.startsWith(PSA_PREFIX)) continue;
      const text = str(value) ?? '';
      if (MODE_KEYS.has(key)) {
        if (isLevel(text)) continue;
        context.report({
          at: value,
          message: `"${text}" is not a Pod Security level for ${key}: Pod Security Admission refuses the Namespace. Write one of ${LEVELS.join(', ')} (lower case).`,
          suggestions: () => correction(context.text, value, isLevel(text.trim().toLowerCase()) ? text.trim().toLowerCase() : undefined),
        });
      } else if (VERSION_KEYS.has(key)) {
        if (isVersionLabel(text)) continue;
        const fixed = /^v?1\.\d+$/.test(text.trim()) ? `v${text.trim().replace(/^v/, '')}` : undefined;
        context.report({
          at: value,
          message: `"${text}" is not a Pod Security version for ${key}: Pod Security Admission refuses the Namespace. Write latest or v1.N (for example v1.30).`,
          suggestions: () => correction(context.text, value, fixed),
        });
      } else {
        context.report({
          at: value.key ? { node: value.key, path: value.path, doc: value.doc } : value,
          message: `"${key}" is not a Pod Security Admission label and has no effect. Use ${PSA_PREFIX}enforce, audit or warn (and their -version labels).`,
        });
      }
    }
  },
});

function correction(text: string, ref: NodeRef, value: string | undefined): ProposedChange[] | undefined {
  if (value === undefined) return undefined;
  const edits = setScalar(text, ref, value);
  return edits?.length ? [{ title: `Change it to "${value}"`, edits }] : undefined;
}
