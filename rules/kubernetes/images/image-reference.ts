/**
 * Container image references, parsed the way container runtimes read them
 * (`[registry[:port]/]repository[:tag][@digest]`), so that `localhost:5000/app` is an untagged
 * image on a local registry rather than image `localhost` with tag `5000/app`, and `nginx`
 * means `docker.io/library/nginx`. Shared by the Kubernetes image rules and the Dockerfile
 * FROM rules.
 */

export const DEFAULT_REGISTRY = 'docker.io';

export interface ImageReference {
  /** The text as written. */
  raw: string;
  /** Registry host (with port), lower-cased; `docker.io` when none is written. */
  registry: string;
  /** Whether the reference names its registry. */
  explicitRegistry: boolean;
  /** Repository path; official Docker Hub images get their implicit `library/` prefix. */
  repository: string;
  tag?: string;
  /** `algorithm:hex`, only when well formed. */
  digest?: string;
}

const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const SHA256 = /^sha256:[a-f0-9]{64}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const LEGACY_DOCKER_HUB = new Set(['index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** Does the first path component name a registry host, as the runtimes decide it? */
function isRegistryHost(component: string): boolean {
  return component === 'localhost' || component.includes('.') || component.includes(':') || component !== component.toLowerCase();
}

function canonicalRegistry(host: string): string {
  const lower = host.toLowerCase();
  return LEGACY_DOCKER_HUB.has(lower) ? DEFAULT_REGISTRY : lower;
}

/** Splits a name (no tag, no digest) into registry and repository; undefined when malformed. */
function splitName(name: string): { registry: string; explicitRegistry: boolean; repository: string } | undefined {
  const slash = name.indexOf('/');
  const first = slash === -1 ? '' : name.slice(0, slash);
  const explicitRegistry = slash !== -1 && isRegistryHost(first);
  const registry = explicitRegistry ? canonicalRegistry(first) : DEFAULT_REGISTRY;
  let repository = explicitRegistry ? name.slice(slash + 1) : name;
  if (!repository.split('/').every((component) => PATH_COMPONENT.test(component))) return undefined;
  if (registry === DEFAULT_REGISTRY && !repository.includes('/')) repository = `library/${repository}`;
  return { registry, explicitRegistry, repository };
}

/**
 * Parses an image reference; undefined when it is not one (empty, templated with `$` or
 * `{{`, malformed), in which case rules stay silent rather than guess.
 */
export function parseImageReference(text: string): ImageReference | undefined {
  const raw = text.trim();
  if (raw === '' || /[^\w.:/@-]/.test(raw)) return undefined;
  const at = raw.indexOf('@');
  const nameAndTag = at === -1 ? raw : raw.slice(0, at);
  const digest = at === -1 ? undefined : raw.slice(at + 1);
  if (digest !== undefined && (!DIGEST.test(digest) || (digest.startsWith('sha256:') && !SHA256.test(digest)))) return undefined;
  // A tag follows the last colon only when no slash comes after it (`localhost:5000/app`).
  const colon = nameAndTag.lastIndexOf(':');
  const hasTag = colon > nameAndTag.lastIndexOf('/');
  const name = hasTag ? nameAndTag.slice(0, colon) : nameAndTag;
  const tag = hasTag ? nameAndTag.slice(colon + 1) : undefined;
  if (tag !== undefined && !TAG.test(tag)) return undefined;
  const parts = splitName(name);
  if (!parts) return undefined;
  const reference: ImageReference = { raw, ...parts };
  if (tag !== undefined) reference.tag = tag;
  if (digest !== undefined) reference.digest = digest;
  return reference;
}

/** `docker.io/library/nginx`: registry and repository, without tag or digest. */
export function imageName(reference: ImageReference): string {
  return `${reference.registry}/${reference.repository}`;
}

/** The reference with its implicit parts spelled out: `docker.io/library/nginx:latest`. */
export function normalizeImageReference(reference: ImageReference): string {
  const tag = reference.tag ?? (reference.digest ? undefined : 'latest');
  return imageName(reference) + (tag ? `:${tag}` : '') + (reference.digest ? `@${reference.digest}` : '');
}

/** Does the image float: no digest, and `latest` or no tag at all? */
export function isLatestOrUntagged(reference: ImageReference): boolean {
  return reference.digest === undefined && (reference.tag === undefined || reference.tag === 'latest');
}

/**
 * Normalises a trusted-registry entry to a name prefix: `registry.example.com/` and
 * `registry.example.com` give the host, `nginx` gives `docker.io/library/nginx`,
 * `bitnami/` gives `docker.io/bitnami`. Undefined when the entry is empty.
 */
export function normalizeRegistryPrefix(entry: string): string | undefined {
  const withoutWildcard = entry.trim().replace(/\*+$/, '');
  const trimmed = withoutWildcard.replace(/\/+$/, '');
  if (trimmed === '') return undefined;
  const slash = trimmed.indexOf('/');
  const first = slash === -1 ? trimmed : trimmed.slice(0, slash);
  if (isRegistryHost(first)) return canonicalRegistry(first) + (slash === -1 ? '' : trimmed.slice(slash));
  // `nginx` is an official image; `bitnami/` (trailing slash) is a Docker Hub namespace.
  const namesNamespace = slash !== -1 || withoutWildcard.endsWith('/');
  const path = namesNamespace ? trimmed : `library/${trimmed}`;
  return `${DEFAULT_REGISTRY}/${path}`;
}

/** Is the image under one of the prefixes? Matches whole path components only. */
export function isFromTrustedRegistry(reference: ImageReference, trusted: readonly string[]): boolean {
  const name = imageName(reference);
  return trusted.some((entry) => {
    const prefix = normalizeRegistryPrefix(entry);
    return prefix !== undefined && (name === prefix || name.startsWith(`${prefix}/`));
  });
}
