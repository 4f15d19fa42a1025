/**
 * A file's analysis in a form that can cross threads (plain data, no YAML nodes), and back.
 *
 * Scan workers analyse files in parallel, but workspace rules need each object's YAML nodes,
 * which cannot be sent between threads. Parsing every file again on the main thread would cost
 * about as much as the analysis itself (parsing is most of it), so the way back is lazy: an
 * object's plain facts (kind, names, labels, annotations) come from the worker, and its nodes
 * (`root`, `metadata`, `kindRef`, `podSpec`) are read from its own document the first time a
 * rule asks for them. Workspace rules only touch the nodes of the few kinds they look at, so
 * the large documents nobody looks at again (CRDs, bundles of config) are parsed once, on a
 * worker. The nodes are read with the same code as the first time, so results are identical.
 */
import type { AnalyzedObject, FileAnalysis } from './analyze';
import { plainFinding } from './changes';
import type { K8sObject } from './kubernetes/object';
import { LATEST_KUBERNETES_VERSION } from './version';
import { analyzeYamlSegment, type SegmentObject } from './yaml/analyze';
import { splitYamlDocuments } from './yaml/parse';

/** What a worker knows about one object without its YAML nodes. */
export interface ObjectFacts {
  documentIndex: number;
  /** Offset of the object's segment in the file, and its line (as in AnalyzedObject). */
  offset: number;
  line: number;
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  hasPodSpec: boolean;
}

export interface PortableAnalysis extends Omit<FileAnalysis, 'objects'> {
  objects: ObjectFacts[];
}

/**
 * Findings become plain data: their lazy `fix` and `suggestions` (see changes.ts) are built
 * here, on the worker, because their builders cannot cross threads either. Publishing reads
 * every `fix` anyway; suggestions cost the worker a little more than analysis alone.
 */
export function toPortableAnalysis(analysis: FileAnalysis): PortableAnalysis {
  return {
    language: analysis.language,
    documentCount: analysis.documentCount,
    findings: analysis.findings.map(plainFinding),
    objects: analysis.objects.map(factsOf),
  };
}

function factsOf({ documentIndex, offset, line, object }: AnalyzedObject): ObjectFacts {
  const facts: ObjectFacts = {
    documentIndex,
    offset,
    line,
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.name,
    labels: object.labels,
    annotations: object.annotations,
    hasPodSpec: object.podSpec !== undefined,
  };
  if (object.namespace !== undefined) facts.namespace = object.namespace;
  return facts;
}

/** No rules run when nodes are read again, so the options are never looked at. */
const READ_ONLY_OPTIONS = { kubernetesVersion: LATEST_KUBERNETES_VERSION, trustedRegistries: [] };

/**
 * The analysis of `text` (the very text the worker analysed) with lazy objects. Each segment
 * is parsed at most once, when the first of its objects is asked for a node.
 */
export function fromPortableAnalysis(text: string, portable: PortableAnalysis): FileAnalysis {
  let segments: Map<number, string> | undefined;
  const parsed = new Map<number, SegmentObject[]>();
  const objectsAt = (offset: number): SegmentObject[] => {
    let objects = parsed.get(offset);
    if (!objects) {
      segments ??= new Map(splitYamlDocuments(text).map((s) => [s.start, s.text]));
      objects = analyzeYamlSegment(segments.get(offset) ?? '', [], READ_ONLY_OPTIONS).objects;
      parsed.set(offset, objects);
    }
    return objects;
  };
  // The k-th object of a segment is the k-th object read from it again (same code, same text).
  const rankInSegment = new Map<number, number>();
  const objects = portable.objects.map((facts): AnalyzedObject => {
    const rank = rankInSegment.get(facts.offset) ?? 0;
    rankInSegment.set(facts.offset, rank + 1);
    const load = () => {
      const object = objectsAt(facts.offset)[rank]?.object;
      if (!object || object.kind !== facts.kind || object.name !== facts.name) {
        throw new Error(`the ${facts.kind} "${facts.name}" at offset ${facts.offset} could not be read again`);
      }
      return object;
    };
    return { documentIndex: facts.documentIndex, offset: facts.offset, line: facts.line, object: lazyObject(facts, load) };
  });
  return { language: portable.language, findings: portable.findings, documentCount: portable.documentCount, objects };
}

function lazyObject(facts: ObjectFacts, load: () => K8sObject): K8sObject {
  let loaded: K8sObject | undefined;
  const nodes = () => (loaded ??= load());
  const object: K8sObject = {
    apiVersion: facts.apiVersion,
    kind: facts.kind,
    name: facts.name,
    namespace: facts.namespace,
    labels: facts.labels,
    annotations: facts.annotations,
    get root() {
      return nodes().root;
    },
    get metadata() {
      return nodes().metadata;
    },
    get kindRef() {
      return nodes().kindRef;
    },
    get podSpec() {
      return facts.hasPodSpec ? nodes().podSpec : undefined;
    },
  };
  return object;
}
