/**
 * Per-namespace Pod Security Admission summary, for the language server's CodeLens on
 * Namespace manifests ("enforce: restricted — 2 of 5 workloads rejected"). Pure: objects in,
 * counts out; the server calls it with its workspace index.
 */
import type { RuleOptions, WorkspaceObject } from '../../engine/rule';
import type { ObjectRef } from '../../engine/types';
import { objectRef } from '../../engine/kubernetes/object';
import { controlsOf, MODES, modePolicy, namespaceOf, PSA_PREFIX, violations, type Level, type Mode } from './psa';

export interface ModeSummary {
  /** The labelled level; undefined when the label is absent or invalid. */
  level?: Level;
  versionLabel: string;
  /** Workloads whose pod template fails the level (0 for privileged or no label). */
  failing: number;
}

export interface NamespaceAdmissionSummary {
  namespace: string;
  /** Where the Namespace manifest is, to place the lens. */
  file: string;
  documentIndex: number;
  /** Workloads of the namespace among the given objects. */
  workloads: number;
  modes: Record<Mode, ModeSummary>;
  /** Workloads the enforce level rejects, with the failing controls. */
  rejected: Array<{ object: ObjectRef; file: string; controls: string[] }>;
}

/** One summary per Namespace manifest that carries at least one pod-security.kubernetes.io label. */
export function admissionSummary(objects: readonly WorkspaceObject[], options: RuleOptions): NamespaceAdmissionSummary[] {
  const out: NamespaceAdmissionSummary[] = [];
  for (const ns of objects) {
    if (ns.object.kind !== 'Namespace' || !Object.keys(ns.object.labels).some((k) => k.startsWith(PSA_PREFIX))) continue;
    const workloads = objects.filter((o) => o.object.podSpec && namespaceOf(o.object) === ns.object.name);
    const modes = {} as Record<Mode, ModeSummary>;
    let rejected: NamespaceAdmissionSummary['rejected'] = [];
    for (const mode of MODES) {
      const policy = modePolicy(ns.object.labels, mode, options.kubernetesVersion);
      const failing = workloads.flatMap((w) => {
        if (!policy.level) return [];
        const found = violations(w.object, w.text ?? '', policy.level, policy.version, options);
        return found.length ? [{ object: objectRef(w.object), file: w.file, controls: controlsOf(found) }] : [];
      });
      modes[mode] = { level: policy.level, versionLabel: policy.versionLabel, failing: failing.length };
      if (mode === 'enforce') rejected = failing;
    }
    out.push({ namespace: ns.object.name, file: ns.file, documentIndex: ns.documentIndex, workloads: workloads.length, modes, rejected });
  }
  return out;
}
