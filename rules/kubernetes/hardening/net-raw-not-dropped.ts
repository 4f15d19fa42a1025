import { defineKubernetesRule } from '../../engine/rule';
import { at, stringItems } from '../../engine/yaml/nav';
import { describeContainer, forEachContainer, normalizeCapability, WORKLOAD_KINDS } from '../helpers';

export default defineKubernetesRule({
  meta: {
    id: 'net-raw-not-dropped',
    title: 'NET_RAW not dropped',
    severity: 'warning',
    category: 'Hardening',
    tier: 'strict',
    description:
      'Container runtimes grant `NET_RAW` by default. It lets a compromised container forge packets and spoof ARP or DNS answers to its neighbours on the node. Dropping `ALL` (the Pod Security Standards restricted control, `drop-all-capabilities`) removes it; this rule is the narrower fallback for workloads that cannot drop everything, and stays silent when `ALL` is dropped. Adding `NET_RAW` is reported by `dangerous-capabilities`.',
    remediation: 'Add `NET_RAW` (or better `ALL`) to `securityContext.capabilities.drop`.',
    references: {
      cis: ['5.2.8'],
      kubeLinter: ['drop-net-raw-capability'],
      checkov: ['CKV_K8S_28'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    forEachContainer(context, (container, pod) => {
      if (pod.isWindows) return;
      const capabilities = at(container.securityContext, 'capabilities');
      const drop = at(capabilities, 'drop');
      const dropped = new Set(stringItems(drop).map((item) => normalizeCapability(item.value)));
      const added = new Set(stringItems(at(capabilities, 'add')).map((item) => normalizeCapability(item.value)));
      if (dropped.has('ALL') || dropped.has('NET_RAW') || added.has('NET_RAW') || added.has('ALL')) return;
      context.report({
        at: drop ?? container.anchor,
        message: `The ${describeContainer(container)} keeps the NET_RAW capability. Add NET_RAW (or ALL) to securityContext.capabilities.drop.`,
      });
    });
  },
});
