import type { KubernetesRule } from '../../engine/rule';
import addedCapabilities from './added-capabilities';
import addedCapabilitiesRestricted from './added-capabilities-restricted';
import allowPrivilegeEscalation from './allow-privilege-escalation';
import apparmorProfile from './apparmor-profile';
import dropAllCapabilities from './drop-all-capabilities';
import hostIpc from './host-ipc';
import hostNetwork from './host-network';
import hostPathVolumes from './host-path-volumes';
import hostPid from './host-pid';
import hostPorts from './host-ports';
import hostProbesAndLifecycle from './host-probes-and-lifecycle';
import privilegedContainer from './privileged-container';
import procMount from './proc-mount';
import procMountRestricted from './proc-mount-restricted';
import restrictedVolumeTypes from './restricted-volume-types';
import runAsNonRoot from './run-as-non-root';
import runAsRootUser from './run-as-root-user';
import seccompProfileRequired from './seccomp-profile-required';
import seccompUnconfined from './seccomp-unconfined';
import selinuxOptions from './selinux-options';
import unsafeSysctls from './unsafe-sysctls';
import windowsHostProcess from './windows-host-process';

/**
 * Pod Security Standards controls as Pod Security Admission enforces them (registry:
 * rules/index.ts). Baseline rules first, then the restricted ones; a restricted rule never
 * repeats what its baseline twin reports, so a profile's findings add up to PSA's verdict.
 */
export const POD_SECURITY_RULES: readonly KubernetesRule[] = [
  // baseline
  privilegedContainer,
  hostNetwork,
  hostPid,
  hostIpc,
  addedCapabilities,
  hostPathVolumes,
  hostPorts,
  hostProbesAndLifecycle,
  apparmorProfile,
  selinuxOptions,
  procMount,
  seccompUnconfined,
  unsafeSysctls,
  windowsHostProcess,
  // restricted
  restrictedVolumeTypes,
  allowPrivilegeEscalation,
  runAsNonRoot,
  runAsRootUser,
  seccompProfileRequired,
  dropAllCapabilities,
  addedCapabilitiesRestricted,
  procMountRestricted,
];
