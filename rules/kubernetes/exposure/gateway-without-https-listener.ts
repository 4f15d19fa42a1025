import { defineKubernetesRule } from '../../engine/rule';
import { isGateway, listenersOf } from './gateway';

export default defineKubernetesRule({
  meta: {
    id: 'gateway-without-https-listener',
    title: 'Gateway serves HTTP only',
    severity: 'info',
    category: 'Network',
    tier: 'strict',
    description:
      'A Gateway whose listeners are all `protocol: HTTP`, with no HTTPS or TLS listener, serves its routes unencrypted. Gateways that also carry TCP or UDP listeners are not reported (they are usually not web front ends), nor are listeners next to an HTTPS one (the usual redirect to HTTPS).',
    remediation: 'Add an HTTPS listener on port 443 with `tls.certificateRefs`, and make the HTTP listener redirect to it (an HTTPRoute with a `RequestRedirect` filter to `scheme: https`).',
    references: {
      links: ['https://gateway-api.sigs.k8s.io/guides/http-redirect-rewrite/', 'https://gateway-api.sigs.k8s.io/guides/tls/'],
    },
  },
  kinds: ['Gateway'],
  check(context) {
    if (!isGateway(context.object)) return;
    const listeners = listenersOf(context.object);
    if (listeners.length === 0 || listeners.some((l) => l.protocol !== 'HTTP')) return;
    const [first, ...others] = listeners;
    context.report({
      at: first.protocolRef!,
      message: `The Gateway "${context.object.name}" has only plain HTTP listeners: its routes are served unencrypted. Add an HTTPS listener with tls.certificateRefs and redirect HTTP to it.`,
      related: others.map((l) => ({ at: l.protocolRef!, message: `listener "${l.name}" is plain HTTP too` })),
    });
  },
});
