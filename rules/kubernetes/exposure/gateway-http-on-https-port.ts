import { defineKubernetesRule } from '../../engine/rule';
import { isGateway, listenersOf } from './gateway';

const HTTPS_PORTS = new Set([443, 8443]);

export default defineKubernetesRule({
  meta: {
    id: 'gateway-http-on-https-port',
    title: 'Gateway listener serves plain HTTP on an HTTPS port',
    severity: 'warning',
    category: 'Network',
    tier: 'recommended',
    description:
      'A Gateway API listener with `protocol: HTTP` on port 443 or 8443 serves unencrypted traffic where clients expect TLS: it is almost always an HTTPS listener whose protocol and `tls` block were forgotten.',
    remediation: 'Set `protocol: HTTPS` and add `tls.certificateRefs` with the certificate Secret, or move the plain HTTP listener to port 80 (ideally redirecting to HTTPS).',
    references: {
      links: ['https://gateway-api.sigs.k8s.io/guides/tls/'],
    },
  },
  kinds: ['Gateway'],
  check(context) {
    if (!isGateway(context.object)) return;
    for (const listener of listenersOf(context.object)) {
      if (listener.protocol !== 'HTTP' || listener.port === undefined || !HTTPS_PORTS.has(listener.port)) continue;
      context.report({
        at: listener.protocolRef!,
        message: `The listener "${listener.name}" of Gateway "${context.object.name}" serves plain HTTP on port ${listener.port}, where clients expect TLS. Set protocol: HTTPS with tls.certificateRefs, or use port 80.`,
        related: listener.portRef ? [{ at: listener.portRef, message: `port ${listener.port} is an HTTPS port` }] : undefined,
      });
    }
  },
});
