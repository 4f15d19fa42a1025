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
import { detachedObject, factsOf, type ObjectFacts } from './kubernetes/detached';
import { LATEST_KUBERNETES_VERSION } from './version';
import { analyzeYamlSegment, type SegmentObject } from './yaml/analyze';
import { splitYamlDocuments } from './yaml/parse';

/** What a worker knows about one object without its YAML nodes, and where it is. */
export interface PortableObject extends ObjectFacts {
  documentIndex: number;
  /** Offset of the object's segment in the file, and its line (as in AnalyzedObject). */
  offset: number;
  line: number;
}

export interface PortableAnalysis extends Omit<FileAnalysis, 'objects'> {
  objects: PortableObject[];
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
    objects: analysis.objects.map(({ documentIndex, offset, line, object }) => ({ documentIndex, offset, line, ...factsOf(object) })),
  };
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
    return { documentIndex: facts.documentIndex, offset: facts.offset, line: facts.line, object: detachedObject(facts, load) };
  });
  return { language: portable.language, findings: portable.findings, documentCount: portable.documentCount, objects };
}
