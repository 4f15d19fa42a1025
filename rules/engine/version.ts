/**
 * Kubernetes versions. Pod Security Standards controls change between minor versions
 * (new sysctls, the hostUsers relaxations, probe hosts), so rules ask `atLeast(minor)`.
 */
export interface KubernetesVersion {
  major: 1;
  minor: number;
}

/** The newest minor version whose Pod Security Standards Palisade implements. */
export const LATEST_KUBERNETES_MINOR = 37;
/** Oldest version accepted: Pod Security Admission became stable in 1.25. */
export const OLDEST_KUBERNETES_MINOR = 25;

export const LATEST_KUBERNETES_VERSION: KubernetesVersion = { major: 1, minor: LATEST_KUBERNETES_MINOR };

/** Parses "1.30", "v1.30", "1.30.2" or "latest"; returns an error message when it cannot. */
export function parseKubernetesVersion(text: string): KubernetesVersion | string {
  const trimmed = text.trim();
  if (trimmed === 'latest') return LATEST_KUBERNETES_VERSION;
  const match = /^v?1\.(\d+)(?:\.\d+)?$/.exec(trimmed);
  if (!match) return `"${text}" is not a Kubernetes version: write it as 1.N (for example 1.30) or "latest"`;
  const minor = Number(match[1]);
  if (minor < OLDEST_KUBERNETES_MINOR || minor > LATEST_KUBERNETES_MINOR) {
    return `Kubernetes ${trimmed} is outside the supported range 1.${OLDEST_KUBERNETES_MINOR} to 1.${LATEST_KUBERNETES_MINOR}`;
  }
  return { major: 1, minor };
}

export function atLeast(version: KubernetesVersion, minor: number): boolean {
  return version.minor >= minor;
}

export function formatVersion(version: KubernetesVersion): string {
  return `${version.major}.${version.minor}`;
}
