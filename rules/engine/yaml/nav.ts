/**
 * Read-only navigation over a parsed YAML document that keeps, for every value, where it
 * came from: the node (aliases resolved, merge keys `<<` followed), its JSON path and the
 * key it sits under. Rules use these references so findings can point at exact ranges and
 * carry a stable path, without handling aliases or merge keys themselves.
 */
import { isAlias, isMap, isScalar, isSeq, type Alias, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

export type PathSegment = string | number;

export interface NodeRef {
  readonly node: Node;
  readonly path: readonly PathSegment[];
  /** The key scalar this value sits under, when it is a map value. */
  readonly key?: Scalar;
  readonly doc: DocumentScope;
}

/** Per-document state shared by every reference: the document and the alias budget. */
export class DocumentScope {
  private aliasResolutions = 0;
  constructor(
    readonly doc: Document.Parsed,
    /** Bounds alias expansion so that "billion laughs" documents cannot hang analysis. */
    readonly maxAliasResolutions = 20_000,
  ) {}

  resolve(node: unknown): Node | undefined {
    let current = node;
    for (let depth = 0; isAlias(current); depth++) {
      if (++this.aliasResolutions > this.maxAliasResolutions || depth > 100) throw new AliasBudgetExceeded();
      current = this.target(current);
    }
    return (current ?? undefined) as Node | undefined;
  }

  /** yaml's Alias.resolve walks the whole document each time: look each alias up once. */
  private readonly targets = new Map<Alias, unknown>();
  private target(alias: Alias): unknown {
    if (!this.targets.has(alias)) this.targets.set(alias, alias.resolve(this.doc));
    return this.targets.get(alias);
  }
}

export class AliasBudgetExceeded extends Error {
  constructor() {
    super('the document expands too many aliases to be analysed safely');
  }
}

export function rootRef(scope: DocumentScope): NodeRef | undefined {
  const node = scope.resolve(scope.doc.contents);
  return node ? { node, path: [], doc: scope } : undefined;
}

function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  return typeof key.value === 'symbol' ? key.value.description === '<<' : key.value === '<<' && key.source === '<<';
}

function keyString(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const v = key.value;
  return v === null || v === undefined ? undefined : typeof v === 'symbol' ? undefined : String(v);
}

/** The pairs of a map, with merged maps (`<<: *base`) after the map's own pairs. */
function* ownAndMergedPairs(map: YAMLMap, scope: DocumentScope, seen = new Set<Node>()): Generator<Pair> {
  if (seen.has(map)) return;
  seen.add(map);
  const merges: unknown[] = [];
  for (const pair of map.items as Pair[]) {
    if (isMergeKey(pair.key)) merges.push(pair.value);
    else yield pair;
  }
  for (const merge of merges) {
    const source = scope.resolve(merge);
    const sources = isSeq(source) ? source.items.map((item) => scope.resolve(item)) : [source];
    for (const s of sources) if (isMap(s)) yield* ownAndMergedPairs(s, scope, seen);
  }
}

/** The value under `key` in a map; explicit keys win over merged ones, as in YAML 1.1. */
export function child(ref: NodeRef | undefined, key: string): NodeRef | undefined {
  if (!ref || !isMap(ref.node)) return undefined;
  // Fast path (the hot loop of every rule): the map's own pairs come first, merged ones
  // only matter when the map has a `<<` key.
  let hasMerge = false;
  for (const pair of ref.node.items as Pair[]) {
    if (isMergeKey(pair.key)) hasMerge = true;
    else if (keyString(pair.key) === key) return childRef(ref, key, pair);
  }
  if (!hasMerge) return undefined;
  for (const pair of ownAndMergedPairs(ref.node, ref.doc)) {
    if (keyString(pair.key) === key) return childRef(ref, key, pair);
  }
  return undefined;
}

/**
 * A reference whose path is built only when asked for (formatting a finding): rules navigate
 * far more nodes than they report on, and copying a path array per step showed up as garbage
 * collection in profiles.
 */
class ChildRef implements NodeRef {
  // ES private fields: a NodeRef must expose only node, path, key and doc (callers tell
  // reference shapes apart with `in`, e.g. `'parent' in target`).
  #path?: readonly PathSegment[];
  readonly #parent: NodeRef;
  readonly #segment: PathSegment;
  constructor(
    readonly node: Node,
    readonly doc: DocumentScope,
    parent: NodeRef,
    segment: PathSegment,
    readonly key?: Scalar,
  ) {
    this.#parent = parent;
    this.#segment = segment;
  }

  get path(): readonly PathSegment[] {
    return (this.#path ??= [...this.#parent.path, this.#segment]);
  }
}

function childRef(ref: NodeRef, key: string, pair: Pair): NodeRef {
  const valueIsMissing = pair.value === null || pair.value === undefined;
  const node = valueIsMissing ? nullScalarAfter(pair.key as Scalar) : (ref.doc.resolve(pair.value) ?? (pair.key as Scalar));
  return new ChildRef(node, ref.doc, ref, key, pair.key as Scalar);
}

/** `a:` with nothing after it has no value node; stand in a zero-length null at the key's end. */
function nullScalarAfter(key: Scalar): Node {
  const end = key.range?.[1] ?? 0;
  return { range: [end, end, end], value: null } as unknown as Node;
}

export function at(ref: NodeRef | undefined, ...keys: PathSegment[]): NodeRef | undefined {
  let current = ref;
  for (const key of keys) {
    current = typeof key === 'number' ? items(current)[key] : child(current, key);
    if (!current) return undefined;
  }
  return current;
}

/** The items of a sequence (empty when the node is not one). */
export function items(ref: NodeRef | undefined): NodeRef[] {
  if (!ref || !isSeq(ref.node)) return [];
  const seq = ref.node as YAMLSeq;
  const out: NodeRef[] = [];
  seq.items.forEach((item, index) => {
    const node = ref.doc.resolve(item);
    if (node) out.push(new ChildRef(node, ref.doc, ref, index));
  });
  return out;
}

/** The entries of a map, merged keys included, as [key, value] pairs. */
export function entries(ref: NodeRef | undefined): Array<[string, NodeRef]> {
  if (!ref || !isMap(ref.node)) return [];
  const out: Array<[string, NodeRef]> = [];
  const seen = new Set<string>();
  for (const pair of ownAndMergedPairs(ref.node, ref.doc)) {
    const key = keyString(pair.key);
    if (key === undefined || seen.has(key)) continue;
    seen.add(key);
    // The first pair of a key in this order is the one `child` finds: own pairs, then merged.
    // Looking each key up with `child` again made a map of n keys cost n² (a 6,000-key ConfigMap took seconds).
    const value = childRef(ref, key, pair);
    if (value) out.push([key, value]);
  }
  return out;
}

export function isMapRef(ref: NodeRef | undefined): boolean {
  return !!ref && isMap(ref.node);
}
export function isSeqRef(ref: NodeRef | undefined): boolean {
  return !!ref && isSeq(ref.node);
}

/** The plain value of a scalar reference (undefined for collections and missing refs). */
export function scalar(ref: NodeRef | undefined): unknown {
  if (!ref || !isScalar(ref.node)) return undefined;
  return (ref.node as Scalar).value;
}

export function str(ref: NodeRef | undefined): string | undefined {
  const v = scalar(ref);
  return v === null || v === undefined ? undefined : typeof v === 'string' ? v : String(v);
}

export function bool(ref: NodeRef | undefined): boolean | undefined {
  const v = scalar(ref);
  return typeof v === 'boolean' ? v : undefined;
}

export function num(ref: NodeRef | undefined): number | undefined {
  const v = scalar(ref);
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

/** Strings of a sequence of scalars (non-scalars skipped), each with its reference. */
export function stringItems(ref: NodeRef | undefined): Array<{ value: string; ref: NodeRef }> {
  return items(ref).flatMap((item) => {
    const value = str(item);
    return value === undefined ? [] : [{ value, ref: item }];
  });
}

/** Key/value strings of a map of scalars, such as labels or annotations. */
export function stringMap(ref: NodeRef | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of entries(ref)) {
    const s = str(value);
    if (s !== undefined) out[key] = s;
  }
  return out;
}

/** Is the value absent, null, `~`, or an empty map/sequence? */
export function isEmpty(ref: NodeRef | undefined): boolean {
  if (!ref) return true;
  if (isMap(ref.node) || isSeq(ref.node)) return ref.node.items.length === 0;
  if (isScalar(ref.node)) return ref.node.value === null || ref.node.value === undefined;
  return false;
}

/**
 * Offsets (relative to the document's text) to highlight for a reference: the scalar itself,
 * else its key (block collections span many lines and zero-length nulls are invisible).
 */
export function highlightRange(ref: NodeRef): [number, number] {
  const node = ref.node as Node & { range?: [number, number, number] };
  const range = node.range;
  if (isScalar(ref.node) && range && range[1] > range[0]) return [range[0], range[1]];
  if (ref.key?.range) return [ref.key.range[0], ref.key.range[1]];
  // A collection without a key (a sequence item): its first key, else its first character.
  if (isMap(ref.node) && ref.node.items.length > 0) {
    const first = (ref.node.items[0] as Pair).key as Scalar | undefined;
    if (first?.range) return [first.range[0], first.range[1]];
  }
  if (range) return [range[0], Math.min(range[1], range[0] + 1)];
  return [0, 0];
}

/** `spec.template.spec.containers[0].securityContext` (keys with dots or brackets are quoted). */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
