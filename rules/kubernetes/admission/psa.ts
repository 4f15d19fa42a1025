/**
 * Pod Security Admission as Palisade predicts it: the namespace labels, parsed as PSA parses
 * them, and the verdict of a pod template at a level and version.
 *
 * The verdict re-runs the Pod Security Standards rules themselves (imported from their area
 * index, not from the registry, which would import this module back): each rule's `check`
 * is called on the object with the evaluated version in the options, and its reports are
 * collected instead of becoming findings. So the prediction can never disagree with the
 * `pss-baseline` / `pss-restricted` profiles, and whatever those rules learn (new versions,
 * Windows exemptions) the prediction learns too.
 */
import type { K8sObject } from '../../engine/kubernetes/object';
import type { KubernetesRule, RuleOptions } from '../../engine/rule';
import type { PssLevel } from '../../engine/types';
import { LATEST_KUBERNETES_MINOR, OLDEST_KUBERNETES_MINOR, type KubernetesVersion } from '../../engine/version';
import type { NodeRef } from '../../engine/yaml/nav';
import { POD_SECURITY_RULES } from '../pod-security';

export const PSA_PREFIX = 'pod-security.kubernetes.io/';
export const MODES = ['enforce', 'audit', 'warn'] as const;
export type Mode = (typeof MODES)[number];
export const LEVELS = ['privileged', 'baseline', 'restricted'] as const;
export type Level = (typeof LEVELS)[number];
const VERSION = /^v1\.(0|[1-9]\d*)$/;

export function isLevel(value: string): value is Level {
  return (LEVELS as readonly string[]).includes(value);
}

export function isVersionLabel(value: string): boolean {
  return value === 'latest' || VERSION.test(value);
}

/** A mode's policy as PSA reads it; undefined level when the label is absent or invalid. */
export interface ModePolicy {
  level?: Level;
  /** The version PSA evaluates at: `latest` (and versions newer than Palisade knows) is the target version. */
  version: KubernetesVersion;
  versionLabel: string;
}

export function modePolicy(labels: Record<string, string>, mode: Mode, target: KubernetesVersion): ModePolicy {
  const level = labels[`${PSA_PREFIX}${mode}`];
  const versionLabel = labels[`${PSA_PREFIX}${mode}-version`] ?? 'latest';
  return { level: level !== undefined && isLevel(level) ? level : undefined, version: evaluatedVersion(versionLabel, target), versionLabel };
}

/**
 * `latest` is the cluster's own version, which the target version models. Versions older than
 * Palisade's oldest supported one are evaluated at it (the controls it adds are few and noted
 * in the rules); newer ones than the target are evaluated at the target, as PSA does.
 */
function evaluatedVersion(label: string, target: KubernetesVersion): KubernetesVersion {
  const match = VERSION.exec(label);
  if (!match) return target;
  const minor = Math.min(Math.max(Number(match[1]), OLDEST_KUBERNETES_MINOR), target.minor, LATEST_KUBERNETES_MINOR);
  return { major: 1, minor };
}

export interface Violation {
  control: string;
  level: PssLevel;
  at: NodeRef;
  message: string;
}

function rulesFor(level: Level): KubernetesRule[] {
  if (level === 'privileged') return [];
  return POD_SECURITY_RULES.filter((rule) => {
    const pss = rule.meta.references.pss?.level;
    return pss === 'baseline' || (level === 'restricted' && pss === 'restricted');
  });
}

/** What Pod Security Admission at `level`/`version` would object to in the object's pod template. */
export function violations(object: K8sObject, text: string, level: Level, version: KubernetesVersion, base: RuleOptions): Violation[] {
  if (!object.podSpec) return [];
  const options: RuleOptions = { ...base, kubernetesVersion: version };
  const out: Violation[] = [];
  for (const rule of rulesFor(level)) {
    if (rule.kinds && !rule.kinds.includes(object.kind)) continue;
    const pss = rule.meta.references.pss!;
    rule.check({ object, options, text, report: (r) => out.push({ control: pss.control, level: pss.level, at: r.at, message: r.message }) });
  }
  return out;
}

/** The strictest level the object passes at `version`. */
export function satisfiedLevel(object: K8sObject, text: string, version: KubernetesVersion, base: RuleOptions): Level {
  if (violations(object, text, 'restricted', version, base).length === 0) return 'restricted';
  return violations(object, text, 'baseline', version, base).length === 0 ? 'baseline' : 'privileged';
}

/** The distinct control names of a list of violations, in order. */
export function controlsOf(list: readonly Violation[]): string[] {
  return [...new Set(list.map((v) => v.control))];
}

export function namespaceOf(object: K8sObject): string {
  return object.namespace ?? 'default';
}
