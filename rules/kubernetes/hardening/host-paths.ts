/**
 * hostPath volumes of a pod and the normalisation their paths need before comparison:
 * `/etc/`, `//etc`, `/var/../etc` and `/etc/.` all mount the node's /etc.
 */
import { at, child, items, str, type NodeRef } from '../../engine/yaml/nav';
import type { PodSpecView } from '../helpers';

export interface HostPathVolume {
  /** The volume's name ('' when missing). */
  name: string;
  /** The `path` value node. */
  pathRef: NodeRef;
  /** The normalised absolute path. */
  path: string;
}

/** Resolves `.`, `..`, repeated and trailing slashes; `..` above the root stays at the root. */
export function normalizeHostPath(raw: string): string {
  const parts: string[] = [];
  for (const part of raw.trim().split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

/** Is `path` equal to `dir` or inside it? Both normalised. */
export function isWithin(path: string, dir: string): boolean {
  return dir === '/' || path === dir || path.startsWith(dir + '/');
}

export function hostPathVolumes(pod: PodSpecView): HostPathVolume[] {
  return items(child(pod.ref, 'volumes')).flatMap((volume) => {
    const pathRef = at(volume, 'hostPath', 'path');
    const raw = str(pathRef);
    if (!pathRef || raw === undefined) return [];
    return [{ name: str(child(volume, 'name')) ?? '', pathRef, path: normalizeHostPath(raw) }];
  });
}

/** `hostPath volume "x" (/etc)` for messages. */
export function describeHostPath(volume: HostPathVolume): string {
  return volume.name ? `hostPath volume "${volume.name}" (${volume.path})` : `hostPath volume ${volume.path}`;
}
