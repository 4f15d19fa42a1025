import { defineKubernetesRule } from '../../engine/rule';
import { bool, child } from '../../engine/yaml/nav';
import { describeContainer, forEachContainer, WORKLOAD_KINDS } from '../helpers';
import { containerSettingsChange, offered } from '../pod-security/changes';

export default defineKubernetesRule({
  meta: {
    id: 'read-only-root-filesystem',
    title: 'Writable root filesystem',
    severity: 'warning',
    category: 'Hardening',
    tier: 'recommended',
    description:
      'A container whose root filesystem is writable lets an attacker who gets code execution drop tools, change binaries and persist in the container. A read-only root filesystem also makes where the application writes explicit. Windows pods are skipped: Windows does not support the setting.',
    remediation:
      'Set `securityContext.readOnlyRootFilesystem: true` on every container, and mount an `emptyDir` volume at the paths the application must write to (`/tmp`, caches).',
    references: {
      nsa: ['1.1'],
      kubeLinter: ['no-read-only-root-fs'],
      checkov: ['CKV_K8S_22'],
      trivy: ['KSV014'],
      polaris: ['notReadOnlyRootFilesystem'],
      kubesec: ['ReadOnlyRootFilesystem'],
      kubeScore: ['container-security-context-readonlyrootfilesystem'],
    },
  },
  kinds: WORKLOAD_KINDS,
  check(context) {
    forEachContainer(context, (container, pod) => {
      if (pod.isWindows) return;
      const readOnly = child(container.securityContext, 'readOnlyRootFilesystem');
      if (bool(readOnly) === true) return;
      context.report({
        at: readOnly ?? container.anchor,
        message: `The ${describeContainer(container)} can write to its root filesystem. Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where it must write.`,
        // A suggestion: a container that writes outside its volumes fails once the root is read-only.
        suggestions: () => offered(containerSettingsChange(context, container, 'readOnlyRootFilesystem')),
      });
    });
  },
});
