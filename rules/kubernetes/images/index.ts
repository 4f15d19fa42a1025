import type { KubernetesRule } from '../../engine/rule';
import helmTiller from './helm-tiller';
import imageNotPinnedByDigest from './image-not-pinned-by-digest';
import imagePullPolicyNotAlways from './image-pull-policy-not-always';
import kubernetesDashboard from './kubernetes-dashboard';
import latestImageTag from './latest-image-tag';
import untrustedRegistry from './untrusted-registry';
import gatekeeperOpenRepoPrefix from './gatekeeper-open-repo-prefix';

/** The images rules, one per file (registry: rules/index.ts). */
export const IMAGE_RULES: readonly KubernetesRule[] = [
  latestImageTag,
  imageNotPinnedByDigest,
  imagePullPolicyNotAlways,
  untrustedRegistry,
  kubernetesDashboard,
  helmTiller,
  gatekeeperOpenRepoPrefix,
];
