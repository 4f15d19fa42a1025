import type { KubernetesRule } from '../../engine/rule';
import containerRuntimeSocket from './container-runtime-socket';
import dangerousCapabilities from './dangerous-capabilities';
import gitSyncGitOverride from './git-sync-git-override';
import hostAliases from './host-aliases';
import hostUsersNotDisabled from './host-users-not-disabled';
import lowGroupId from './low-group-id';
import lowUserId from './low-user-id';
import missingSecurityContext from './missing-security-context';
import netRawNotDropped from './net-raw-not-dropped';
import privilegedPort from './privileged-port';
import readOnlyRootFilesystem from './read-only-root-filesystem';
import rootGroup from './root-group';
import sensitiveHostPath from './sensitive-host-path';
import shareProcessNamespace from './share-process-namespace';
import sshPort from './ssh-port';
import writableHostMount from './writable-host-mount';

/** The hardening rules, one per file (registry: rules/index.ts). */
export const HARDENING_RULES: readonly KubernetesRule[] = [
  readOnlyRootFilesystem,
  missingSecurityContext,
  lowUserId,
  lowGroupId,
  rootGroup,
  dangerousCapabilities,
  netRawNotDropped,
  hostUsersNotDisabled,
  shareProcessNamespace,
  sensitiveHostPath,
  containerRuntimeSocket,
  writableHostMount,
  hostAliases,
  privilegedPort,
  sshPort,
  gitSyncGitOverride,
];
