import { defineKubernetesRule } from '../../engine/rule';
import { child, isEmpty, isMapRef, items, str, stringItems, type NodeRef } from '../../engine/yaml/nav';

const EVERYWHERE = new Set(['0.0.0.0/0', '::/0']);
const DIRECTIONS = [
  { list: 'ingress', peers: 'from', noun: 'ingress from any source' },
  { list: 'egress', peers: 'to', noun: 'egress to any destination' },
] as const;

export default defineKubernetesRule({
  meta: {
    id: 'network-policy-allows-all',
    title: 'NetworkPolicy rule that allows all traffic',
    severity: 'warning',
    category: 'Network',
    tier: 'recommended',
    description:
      'An empty rule (`ingress: [{}]`, `egress: [{}]`) allows all traffic in that direction on every port, and an `ipBlock` of `0.0.0.0/0` or `::/0` without `except` allows every address, the internet and the cloud metadata endpoint included. The policy then isolates nothing in that direction.',
    remediation:
      'List the peers (`podSelector`, `namespaceSelector`, narrow `ipBlock`s) and `ports` the pods need; when a wide `ipBlock` is really needed, exclude private ranges and `169.254.169.254/32` with `except`.',
    references: {
      nsa: ['Network separation and hardening'],
      links: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/#allow-all-ingress-traffic'],
    },
  },
  kinds: ['NetworkPolicy'],
  check(context) {
    const spec = child(context.object.root, 'spec');
    const name = context.object.name;
    for (const direction of DIRECTIONS) {
      for (const rule of items(child(spec, direction.list))) {
        if (isEmpty(rule) || (isMapRef(rule) && isEmpty(child(rule, direction.peers)) && isEmpty(child(rule, 'ports')))) {
          context.report({
            at: rule,
            message: `The NetworkPolicy "${name}" has an empty ${direction.list} rule: it allows ${direction.noun} on every port. List the peers and ports the pods need instead.`,
          });
          continue;
        }
        for (const peer of items(child(rule, direction.peers))) reportOpenIpBlock(peer, direction.noun, (at, message) => context.report({ at, message: `The NetworkPolicy "${name}" ${message}` }));
      }
    }
  },
});

function reportOpenIpBlock(peer: NodeRef, noun: string, report: (at: NodeRef, message: string) => void): void {
  const block = child(peer, 'ipBlock');
  const cidr = child(block, 'cidr');
  const value = str(cidr)?.trim();
  if (!cidr || !value || !EVERYWHERE.has(value) || stringItems(child(block, 'except')).length > 0) return;
  report(cidr, `allows ${noun} through ipBlock ${value} without except, the internet and the cloud metadata endpoint included. Narrow the cidr, or add except entries for private ranges and 169.254.169.254/32.`);
}
