/**
 * The Pod Security Admission CodeLens. On each Namespace manifest labelled
 * `pod-security.kubernetes.io/enforce`, a lens on its `kind` line says how many workloads of
 * the workspace folder its level would reject, and how many its audit and warn levels flag:
 * `admissionSummary` over the workspace index, i.e. the objects the workspace rules see, open
 * buffers as typed. It is computed on request from objects already analysed; only a pending
 * edit of the requested buffer is analysed first.
 *
 * Clicking a lens with rejections reveals the first rejected workload. No client-side command
 * does that, and VS Code's own (`vscode.open`, `editor.action.showReferences`) refuse the plain
 * JSON a server can send where they expect Uri instances. So the lens runs a server command,
 * which vscode-languageclient registers as a VS Code command, and the server asks the client to
 * show the location (`window/showDocument`, LSP 3.16). Clients without showDocument get the
 * lens as plain text.
 *
 * Lenses go stale when the index changes: the client is asked to request them again
 * (`workspace/codeLens/refresh`), once per burst of changes.
 */
import {
  CodeLensRefreshRequest,
  type ClientCapabilities,
  type CodeLens,
  type Command,
  type Connection,
  type ExecuteCommandParams,
  type Location,
  type Range,
} from 'vscode-languageserver/node';
import type { AnalyzedObject } from '../../../rules/engine/analyze';
import type { K8sObject } from '../../../rules/engine/kubernetes/object';
import type { WorkspaceObject } from '../../../rules/engine/rule';
import { lineIndexOf } from '../../../rules/engine/text';
import { child, highlightRange, type NodeRef } from '../../../rules/engine/yaml/nav';
import { splitYamlDocuments } from '../../../rules/engine/yaml/parse';
import { MODES, PSA_PREFIX } from '../../../rules/kubernetes/admission/psa';
import { admissionSummary, type NamespaceAdmissionSummary } from '../../../rules/kubernetes/admission/summary';
import type { IndexedFile, WorkspaceIndex } from '../workspace/index';
import type { Validator } from './validator';

export const LENS_COMMANDS = {
  /** Arguments: one LSP Location, the workload to show. */
  revealRejectedWorkload: 'palisade.revealRejectedWorkload',
} as const;

const ENFORCE_LABEL = `${PSA_PREFIX}enforce`;

/** Changes come in bursts (a scan, a batch of file events): one refresh per burst. */
const REFRESH_DELAY_MS = 100;

export interface LensContext {
  connection: Connection;
  index: WorkspaceIndex;
  validator: Validator;
}

/** An object of the index with where it is, to place lenses and reveal workloads. */
interface LocatedObject extends WorkspaceObject {
  offset: number;
  fileText: string;
}

export class AdmissionLenses {
  private canRefresh = false;
  private canReveal = false;
  private refreshTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly ctx: LensContext) {}

  setClientCapabilities(caps: ClientCapabilities): void {
    this.canRefresh = caps.workspace?.codeLens?.refreshSupport === true;
    this.canReveal = caps.window?.showDocument?.support === true;
  }

  /** The lenses of one document, from the index (with the document's latest text). */
  async provide(uri: string): Promise<CodeLens[]> {
    await this.ctx.validator.flush(uri);
    const file = this.ctx.index.get(uri);
    const engine = this.ctx.validator.engineOf(uri);
    const namespaces = file?.analysis?.objects.filter((o) => isEnforcingNamespace(o.object)) ?? [];
    if (!file || !engine || namespaces.length === 0) return [];
    // Only this file's Namespaces and the group's workloads: the summary then judges nothing else.
    const workloads = this.ctx.index.inGroup(file.group).flatMap((f) => locatedObjects(f, (f.analysis?.objects ?? []).filter((o) => o.object.podSpec)));
    const objects = [...locatedObjects(file, namespaces), ...workloads];
    return admissionSummary(objects, engine.options).flatMap((summary) => {
      const namespace = objects.find((o) => o.file === uri && o.documentIndex === summary.documentIndex && o.object.kind === 'Namespace');
      return namespace ? [this.lens(summary, namespace, workloads)] : [];
    });
  }

  private lens(summary: NamespaceAdmissionSummary, namespace: LocatedObject, workloads: readonly LocatedObject[]): CodeLens {
    const title = lensTitle(summary, namespace.object.labels[ENFORCE_LABEL]);
    const target = firstRejected(summary, workloads);
    const command: Command =
      target && this.canReveal
        ? { title, command: LENS_COMMANDS.revealRejectedWorkload, arguments: [{ uri: target.file, range: rejectionRange(target) } satisfies Location] }
        : // An empty command id: VS Code shows the title as text that does nothing when clicked.
          { title, command: '' };
    return { range: rangeOf(namespace, namespace.object.kindRef), command };
  }

  handles(command: string): boolean {
    return (Object.values(LENS_COMMANDS) as string[]).includes(command);
  }

  async execute(params: ExecuteCommandParams): Promise<{ shown: boolean }> {
    const location = params.arguments?.[0] as Partial<Location> | undefined;
    if (typeof location?.uri !== 'string' || !location.range) throw new Error(`${params.command} needs a Location argument.`);
    const result = await this.ctx.connection.window.showDocument({ uri: location.uri, selection: location.range, takeFocus: true });
    return { shown: result.success };
  }

  /** The index changed: lenses computed from it are stale. */
  scheduleRefresh(): void {
    if (!this.canRefresh || this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.ctx.connection.sendRequest(CodeLensRefreshRequest.type).catch((error: unknown) => {
        this.ctx.connection.console.warn(`Palisade: refreshing code lenses failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    }, REFRESH_DELAY_MS);
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
  }
}

function isEnforcingNamespace(object: K8sObject): boolean {
  return object.kind === 'Namespace' && object.labels[ENFORCE_LABEL] !== undefined;
}

/** e.g. `Pod Security Admission (restricted, latest): 2 of 5 workloads would be rejected; warn (restricted, latest) flags 3`. */
export function lensTitle(summary: NamespaceAdmissionSummary, enforceValue: string | undefined): string {
  const enforce = summary.modes.enforce;
  if (!enforce.level) return `Pod Security Admission: "${enforceValue ?? ''}" is not a Pod Security level, so nothing is enforced`;
  const head = `Pod Security Admission (${enforce.level}, ${enforce.versionLabel})`;
  if (summary.workloads === 0) return `${head}: no workload of namespace "${summary.namespace}" in the workspace`;
  const noun = summary.workloads === 1 ? 'workload' : 'workloads';
  const others = MODES.filter((mode) => mode !== 'enforce' && summary.modes[mode].level).map((mode) => {
    const { level, versionLabel, failing } = summary.modes[mode];
    return `; ${mode} (${level}, ${versionLabel}) flags ${failing}`;
  });
  return `${head}: ${summary.rejected.length} of ${summary.workloads} ${noun} would be rejected${others.join('')}`;
}

function locatedObjects(file: IndexedFile, analyzed: readonly AnalyzedObject[]): LocatedObject[] {
  let segments: Map<number, string> | undefined;
  // Rules read a document's own text (its segment of the file), as in analyzeWorkspace.
  const segmentAt = (offset: number) => (segments ??= new Map(splitYamlDocuments(file.text).map((s) => [s.start, s.text]))).get(offset);
  return analyzed.map((o) => ({
    file: file.uri,
    fileText: file.text,
    documentIndex: o.documentIndex,
    object: o.object,
    offset: o.offset,
    get text() {
      return segmentAt(o.offset);
    },
  }));
}

/** The rejected workload that comes first by file name, then position: the same one whatever order files were indexed in. */
function firstRejected(summary: NamespaceAdmissionSummary, workloads: readonly LocatedObject[]): LocatedObject | undefined {
  const rejected = summary.rejected.flatMap((r) => workloads.find((w) => w.file === r.file && sameObject(w.object, r.object)) ?? []);
  return rejected.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.offset - b.offset))[0];
}

function sameObject(object: K8sObject, ref: { kind: string; name: string; namespace?: string }): boolean {
  return object.kind === ref.kind && object.name === ref.name && object.namespace === ref.namespace;
}

/** Where pod-security-admission-rejects reports the workload, so the reveal lands on its diagnostic. */
function rejectionRange(workload: LocatedObject): Range {
  return rangeOf(workload, child(workload.object.metadata, 'namespace') ?? workload.object.kindRef);
}

function rangeOf(located: LocatedObject, ref: NodeRef): Range {
  const [start, end] = highlightRange(ref);
  return lineIndexOf(located.fileText).rangeAt(start + located.offset, end + located.offset);
}
