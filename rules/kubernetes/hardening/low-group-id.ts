import { defineKubernetesRule } from '../../engine/rule';
import { WORKLOAD_KINDS } from '../helpers';
import { checkIdFloor } from './id-ranges';

export default defineKubernetesRule({
  meta: {
    id: 'low-group-id',
    title: 'Group ID below 10000',
    severity: 'warning',
    category: 'Hardening',
    tier: 'strict',
    description:
      'A container that runs with a GID below 10000, or with whatever GID the image chooses, may share its group with one on the node and so read or write the files of that group after an escape. GID 0 is left to `root-group`; pods with `hostUsers: false` and Windows pods are skipped.',
    remediation: 'Set `securityContext.runAsGroup` to 10000 or higher, on the pod or on each container.',
    references: {
      trivy: ['KSV021'],
      kubesec: ['RunAsGroup'],
      kubeScore: ['container-security-context-user-group-id'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    checkIdFloor(context, 'runAsGroup', 'GID');
  },
});
