import { defineKubernetesRule } from '../../engine/rule';
import { WORKLOAD_KINDS } from '../helpers';
import { checkIdFloor } from './id-ranges';

export default defineKubernetesRule({
  meta: {
    id: 'low-user-id',
    title: 'User ID below 10000',
    severity: 'warning',
    category: 'Hardening',
    tier: 'strict',
    description:
      'A container that runs with a UID below 10000, or with whatever UID the image chooses, may share its UID with a user on the node. A process that escapes the container then has that user\'s rights over the host\'s files. UID 0 is left to `run-as-root-user`; pods with `hostUsers: false` and Windows pods are skipped.',
    remediation: 'Set `securityContext.runAsUser` to 10000 or higher, on the pod or on each container, and build the image to work with that UID.',
    references: {
      checkov: ['CKV_K8S_40'],
      trivy: ['KSV020'],
      kubesec: ['RunAsUser'],
      kubeScore: ['container-security-context-user-group-id'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    checkIdFloor(context, 'runAsUser', 'UID');
  },
});
