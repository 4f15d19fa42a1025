import { defineKubernetesRule } from '../../engine/rule';
import { bool, child } from '../../engine/yaml/nav';
import { firstPresent } from '../helpers';

export default defineKubernetesRule({
  meta: {
    id: 'default-service-account-automount',
    title: 'default ServiceAccount mounts its token',
    severity: 'warning',
    category: 'Service accounts',
    tier: 'recommended',
    description:
      'Every pod that names no service account runs as the namespace\'s `default` ServiceAccount. When that account automounts its token, all those pods receive API credentials they almost never need. Reported on ServiceAccount objects named `default` that do not set `automountServiceAccountToken: false`.',
    remediation: 'Set `automountServiceAccountToken: false` on the `default` ServiceAccount; give workloads that call the API their own ServiceAccount.',
    references: {
      cis: ['5.1.5'],
      checkov: ['CKV_K8S_41'],
    },
  },
  kinds: ['ServiceAccount'],
  check(context) {
    const { object } = context;
    if (object.name !== 'default') return;
    const automount = child(object.root, 'automountServiceAccountToken');
    if (bool(automount) === false) return;
    context.report({
      at: firstPresent(automount, child(object.metadata, 'name')),
      message: `The default ServiceAccount${object.namespace ? ` of namespace "${object.namespace}"` : ''} gives its token to every pod that names no account. Set automountServiceAccountToken: false.`,
    });
  },
});
