import { defineKubernetesRule } from '../../engine/rule';
import { annotationRefs } from './annotations';

/** ingress-nginx (`*-snippet`) and NGINX Inc.'s controller (`*-snippets`). */
const SNIPPET = /^(?:nginx\.ingress\.kubernetes\.io\/[a-z-]*snippet|nginx\.org\/[a-z-]*snippets?)$/;

export default defineKubernetesRule({
  meta: {
    id: 'ingress-nginx-snippet-annotation',
    title: 'Ingress injects raw NGINX configuration',
    severity: 'error',
    category: 'Network',
    tier: 'recommended',
    description:
      'Snippet annotations (`nginx.ingress.kubernetes.io/configuration-snippet`, `server-snippet`, `auth-snippet`, ...) paste text into the controller\'s NGINX configuration. Anyone who can create an Ingress can then read the controller\'s service account token and every Secret it can see (CVE-2021-25742), or serve traffic for other hosts. Recent ingress-nginx releases refuse snippets unless `allow-snippet-annotations` is enabled.',
    remediation:
      'Replace the snippet with the dedicated annotations (rewrite, headers, CORS, auth) or a controller-wide ConfigMap setting owned by the platform team, and keep `allow-snippet-annotations: "false"`.',
    references: {
      checkov: ['CKV_K8S_153', 'CKV_K8S_152', 'CKV_K8S_154'],
      links: ['https://github.com/kubernetes/ingress-nginx/issues/7837', 'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/'],
    },
  },
  kinds: ['Ingress'],
  check(context) {
    for (const annotation of annotationRefs(context.object)) {
      if (!SNIPPET.test(annotation.key)) continue;
      context.report({
        at: annotation.keyRef,
        message: `The Ingress "${context.object.name}" sets "${annotation.key}", which pastes raw NGINX configuration into the controller (CVE-2021-25742). Use the controller's dedicated annotations instead.`,
      });
    }
  },
});
