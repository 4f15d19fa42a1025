import { defineKubernetesRule } from '../../engine/rule';
import { annotationRefs } from './annotations';

/** Annotations whose values ingress-nginx copies into its configuration as URLs or names. */
const CHECKED = new Set(
  ['auth-url', 'auth-signin', 'auth-tls-match-cn', 'mirror-target', 'mirror-host', 'auth-method', 'auth-signin-redirect-param', 'permanent-redirect', 'temporal-redirect', 'rewrite-target'].map(
    (name) => `nginx.ingress.kubernetes.io/${name}`,
  ),
);
/** Characters that end an NGINX directive or open a block: a URL or host never needs them. */
const INJECTION = /[;{}'"`\\\r\n]|\s/;

export default defineKubernetesRule({
  meta: {
    id: 'ingress-nginx-annotation-injection',
    title: 'ingress-nginx annotation with configuration injection characters',
    severity: 'error',
    category: 'Network',
    tier: 'recommended',
    description:
      'ingress-nginx copies annotations such as `auth-url`, `auth-tls-match-cn` and `mirror-target` into its NGINX configuration. A value with `;`, braces, quotes, backslashes or line breaks ends the directive and adds configuration of its own, which can expose the controller\'s credentials (CVE-2021-25745, CVE-2023-5043, CVE-2023-5044).',
    remediation: 'Write a plain URL or host name without `;`, `{`, `}`, quotes, backslashes or whitespace, and keep the controller up to date with annotation validation enabled.',
    references: {
      trivy: ['KCV0093'],
      links: ['https://github.com/kubernetes/ingress-nginx/issues/10571', 'https://github.com/kubernetes/ingress-nginx/issues/10572'],
    },
  },
  kinds: ['Ingress'],
  check(context) {
    for (const annotation of annotationRefs(context.object)) {
      if (!CHECKED.has(annotation.key)) continue;
      const found = INJECTION.exec(annotation.value.trim());
      if (!found) continue;
      context.report({
        at: annotation.keyRef,
        message: `The Ingress "${context.object.name}" sets "${annotation.key}" to a value with ${describe(found[0])}, which ends the NGINX directive and injects configuration. Write a plain URL or host name instead.`,
      });
    }
  },
});

function describe(char: string): string {
  if (char === '\n' || char === '\r') return 'a line break';
  if (/\s/.test(char)) return 'whitespace';
  return `"${char}"`;
}
