import type { DockerfileRule } from '../engine/rule';
import addInsteadOfCopy from './add-instead-of-copy';
import addRemoteWithoutChecksum from './add-remote-without-checksum';
import aptGetInstallHygiene from './apt-get-install-hygiene';
import baseImageLatest from './base-image-latest';
import baseImageNotPinned from './base-image-not-pinned';
import baseImageUntrustedRegistry from './base-image-untrusted-registry';
import credentialsWithoutSecretMount from './credentials-without-secret-mount';
import exposeSshPort from './expose-ssh-port';
import finalUserRoot from './final-user-root';
import insecureBuildSecurity from './insecure-build-security';
import invalidExposePort from './invalid-expose-port';
import maintainerDeprecated from './maintainer-deprecated';
import missingHealthcheck from './missing-healthcheck';
import multipleCmdOrEntrypoint from './multiple-cmd-or-entrypoint';
import packageCacheNotCleaned from './package-cache-not-cleaned';
import packageSignatureBypass from './package-signature-bypass';
import passwordSetInImage from './password-set-in-image';
import relativeWorkdir from './relative-workdir';
import remoteScriptPipedToShell from './remote-script-piped-to-shell';
import secretInEnvOrArg from './secret-in-env-or-arg';
import sudoInRun from './sudo-in-run';
import tlsVerificationDisabled from './tls-verification-disabled';
import unpinnedPackageVersions from './unpinned-package-versions';
import userNotNumeric from './user-not-numeric';

/** Dockerfile rules, one per file (registry: rules/index.ts). */
export const DOCKERFILE_RULES: readonly DockerfileRule[] = [
  addInsteadOfCopy,
  addRemoteWithoutChecksum,
  aptGetInstallHygiene,
  baseImageLatest,
  baseImageNotPinned,
  baseImageUntrustedRegistry,
  credentialsWithoutSecretMount,
  exposeSshPort,
  finalUserRoot,
  insecureBuildSecurity,
  invalidExposePort,
  maintainerDeprecated,
  missingHealthcheck,
  multipleCmdOrEntrypoint,
  packageCacheNotCleaned,
  packageSignatureBypass,
  passwordSetInImage,
  relativeWorkdir,
  remoteScriptPipedToShell,
  secretInEnvOrArg,
  sudoInRun,
  tlsVerificationDisabled,
  unpinnedPackageVersions,
  userNotNumeric,
];
