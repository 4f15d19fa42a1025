/**
 * YAML edit primitives for fixes: text splices at offsets taken from the parsed nodes, so
 * that comments, quoting, indentation, flow/block style and every untouched line stay as
 * they were. Nothing here re-stringifies a document (`Document.toString()` rewrites lines
 * nobody touched); `yaml`'s stringify is used for values only, and this module indents the
 * lines itself, with the columns and the line break the file already uses.
 *
 * Offsets are relative to `text`, the document text the rule sees (`ctx.text`), which is the
 * text the NodeRefs were parsed from. Every primitive returns the edits, `[]` when there is
 * nothing to change, or `undefined` when no safe edit exists:
 *  - the target is reached through an alias or a merge key (`<<: *base`), or sits inside an
 *    anchored node that an alias reuses: editing it would change the other uses too;
 *  - the text is a template (`{{ }}`, Helm): its YAML structure is not the real one;
 *  - the existing value has a shape the edit cannot merge with (a string where a map goes).
 *
 * The pitfalls these primitives handle (style-guide.md §5c): flow maps and sequences,
 * indentless sequences and 3/4-space files (real columns, step measured from the file), no
 * final newline, CRLF, null/`~`/`{}` values (replaced, never duplicated), trailing comments
 * after the last pair (new pairs go right after the last value's line), block scalars (`|+`
 * blank lines are content), aliases and merge keys, tabs (never emitted), Helm, and several
 * changes to one map (one call merges them key by key into one set of edits).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, stringify, visit, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { detectEol } from '../text';
import type { TextEdit } from '../types';
import { child, type NodeRef } from './nav';

export type YamlScalar = string | number | boolean | null;
export type YamlValue = YamlScalar | YamlValue[] | { [key: string]: YamlValue };
export type YamlObject = { [key: string]: YamlValue };

/** An existing map, or the place where one belongs: `parent`'s value under `key`. */
export type MapTarget = NodeRef | { parent: NodeRef; key: string };

export interface EnsureOptions {
  /**
   * Replace existing scalars that differ (default true: `privileged: true` becomes `false`).
   * With false only missing keys are added (resources: a chosen `cpu: 50m` stays).
   */
  overwrite?: boolean;
}

/** How the file indents, measured from the document itself. */
export interface IndentStyle {
  /** Columns between a key and the keys of its nested block map. */
  step: number;
  /** Columns between a key and the `-` of its block sequence (0 for indentless sequences). */
  seqOffset: number;
  /** `{ a: 1 }` rather than `{a: 1}`. */
  flowPadding: boolean;
}

const TEMPLATE = /\{\{/;

/** Helm and other templates: their text is not the YAML that gets applied, so no edits. */
export function isTemplated(text: string): boolean {
  return TEMPLATE.test(text);
}

export function setScalar(text: string, ref: NodeRef, value: YamlScalar): TextEdit[] | undefined {
  return run(text, ref, (w) => w.setScalar(ref, value));
}

/**
 * Merges `object` into a map key by key: nested maps are merged, sequences get their missing
 * items, scalars are replaced (see EnsureOptions), missing keys are added in one block after
 * the map's last pair, and null/`~`/`{}`/`[]` values are replaced.
 */
export function ensureEntries(text: string, target: MapTarget, object: YamlObject, options: EnsureOptions = {}): TextEdit[] | undefined {
  const anchor = 'parent' in target ? target.parent : target;
  return run(text, anchor, (w) => w.ensureEntries(target, object, options));
}

/** Removes `key` and its value from a map (the whole line(s) in block style). */
export function removePair(text: string, map: NodeRef, key: string): TextEdit[] | undefined {
  return run(text, map, (w) => w.removePair(map, key));
}

/**
 * Removes the items at `indexes` from a sequence: their whole lines in block style (with the
 * comment lines between two removed neighbours), the items and their commas in flow style.
 * A sequence left with no items goes with its key: `add: []` says nothing and reads like an
 * unfinished edit, and the key's absence means the same to Kubernetes. Without a key (an item
 * of another sequence) it becomes `[]`.
 */
export function removeItems(text: string, seq: NodeRef, indexes: readonly number[]): TextEdit[] | undefined {
  return run(text, seq, (w) => w.removeItems(seq, indexes));
}

/** The primitives as one change, for `batchEdits`. */
export interface EditBatch {
  setScalar(ref: NodeRef, value: YamlScalar): void;
  ensureEntries(target: MapTarget, object: YamlObject, options?: EnsureOptions): void;
  removePair(map: NodeRef, key: string): void;
  removeItems(seq: NodeRef, indexes: readonly number[]): void;
}

/**
 * Several primitives as one change: one set of disjoint edits, or undefined when any of them is
 * unsafe. Call the removals first, so that what follows knows what they take away: a pair
 * merged into a flow map whose pairs all go replaces the map (`{add: [X]}` becomes
 * `{drop: [ALL]}` rather than `{, drop: [ALL]}`), and an edit inside a removed node is unsafe.
 */
export function batchEdits(text: string, anchor: NodeRef, build: (batch: EditBatch) => void): TextEdit[] | undefined {
  return run(text, anchor, (w) => build(w));
}

/** Appends one item to a sequence, creating the sequence under `key` when it is missing. */
export function appendItem(text: string, target: NodeRef | { parent: NodeRef; key: string }, value: YamlValue): TextEdit[] | undefined {
  const anchor = 'parent' in target ? target.parent : target;
  return run(text, anchor, (w) => ('parent' in target ? w.appendUnder(target.parent, target.key, value) : w.appendItems(target, [value])));
}

/**
 * Appends a new document (`---` then `body`) after the end of `text`. `body` uses `\n`; the
 * file's own line break is emitted, and a file without a final newline keeps having none.
 */
export function appendDocument(text: string, body: string): TextEdit[] | undefined {
  if (isTemplated(text)) return undefined;
  const eol = detectEol(text);
  const lines = body.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
  const endsWithNewline = text.length === 0 || /\n$/.test(text);
  const newText = (endsWithNewline ? '' : eol) + ['---', ...lines].join(eol) + (endsWithNewline ? eol : '');
  return [{ start: text.length, end: text.length, newText }];
}

/** Renders a map as block YAML lines at column 0 in the document's style, joined by `\n`. */
export function renderBlock(object: YamlObject, style: IndentStyle = DEFAULT_STYLE): string {
  return renderPairs(object, 0, style).join('\n');
}

/** The indentation style of the document a reference belongs to. */
export function documentStyle(text: string, ref: NodeRef): IndentStyle {
  return cachedStyle(text, ref.doc.doc);
}

// ---------------------------------------------------------------------------------------

class Unsafe extends Error {}

function run(text: string, ref: NodeRef, body: (w: Writer) => void): TextEdit[] | undefined {
  if (isTemplated(text)) return undefined;
  const writer = new Writer(text, ref.doc.doc);
  try {
    body(writer);
    writer.finish();
    return normalizeEdits(writer.edits);
  } catch (error) {
    if (error instanceof Unsafe || error instanceof OverlappingEdits) return undefined;
    throw error;
  }
}

const DEFAULT_STYLE: IndentStyle = { step: 2, seqOffset: 2, flowPadding: false };

type Collection = YAMLMap | YAMLSeq;
type Range3 = [number, number, number];

function rangeOf(node: unknown): Range3 {
  const range = (node as { range?: Range3 } | null)?.range;
  if (!range) throw new Unsafe();
  return range;
}

function isPlainObject(v: YamlValue): v is YamlObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNullScalar(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === undefined));
}

function isBlockScalar(node: Scalar): boolean {
  return node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
}

function isFlow(node: Collection): boolean {
  return node.flow === true;
}

function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const v = key.value;
  return v === null || v === undefined || typeof v === 'symbol' ? undefined : String(v);
}

function isMergePair(pair: Pair): boolean {
  return isScalar(pair.key) && (typeof pair.key.value === 'symbol' || (pair.key.value === '<<' && pair.key.source === '<<'));
}

function ownPair(map: YAMLMap, key: string): Pair | undefined {
  return (map.items as Pair[]).find((p) => !isMergePair(p) && keyText(p.key) === key);
}

const sharedAnchorsCache = new WeakMap<Document, Set<string>>();

/** Anchors that some alias refers to: nodes under them are shared and must not be edited. */
function sharedAnchors(doc: Document): Set<string> {
  let found = sharedAnchorsCache.get(doc);
  if (!found) {
    const names = new Set<string>();
    visit(doc, { Alias: (_, alias) => void names.add(alias.source) });
    sharedAnchorsCache.set(doc, (found = names));
  }
  return found;
}

/**
 * A scalar as YAML text. Plain text with flow indicators (`a, b`) is fine in a block map but
 * splits into several entries inside a flow map, and the caller may not know which it is
 * writing into: such strings are double-quoted, which is valid in both.
 */
function scalarText(value: YamlScalar): string {
  const text = stringify(value, { version: '1.1', lineWidth: 0 }).replace(/\n$/, '');
  return typeof value === 'string' && /^[^"'][^\n]*[,[\]{}]/.test(text) ? JSON.stringify(value) : text;
}

function pad(col: number): string {
  return ' '.repeat(col);
}

function isEmptyValue(v: YamlValue): boolean {
  return (Array.isArray(v) && v.length === 0) || (isPlainObject(v) && Object.keys(v).length === 0);
}

/** `key: value` as block lines at `col` (never tabs: YAML forbids them as indentation). */
function renderPairs(object: YamlObject, col: number, style: IndentStyle): string[] {
  return Object.entries(object).flatMap(([key, value]) => {
    const head = `${pad(col)}${scalarText(key)}:`;
    if (isPlainObject(value) && !isEmptyValue(value)) return [head, ...renderPairs(value, col + style.step, style)];
    if (Array.isArray(value) && value.length > 0) return [head, ...renderItems(value, col + style.seqOffset, style)];
    const [first, ...rest] = inlineText(value, style).split('\n');
    return [`${head} ${first}`, ...rest.map((line) => (line ? pad(col) + line : line))];
  });
}

function renderItems(values: YamlValue[], col: number, style: IndentStyle): string[] {
  return values.flatMap((value) => {
    let lines: string[];
    if (isPlainObject(value) && !isEmptyValue(value)) lines = renderPairs(value, col + 2, style);
    else if (Array.isArray(value) && value.length > 0) lines = renderItems(value, col + 2, style);
    else {
      const [first, ...rest] = inlineText(value, style).split('\n');
      return [`${pad(col)}- ${first}`, ...rest.map((line) => (line ? pad(col) + line : line))];
    }
    lines[0] = `${pad(col)}- ${lines[0].slice(col + 2)}`;
    return lines;
  });
}

/** A value on one line: scalars as YAML writes them, collections in flow style. */
function inlineText(value: YamlValue, style: IndentStyle): string {
  if (typeof value !== 'object' || value === null) return scalarText(value);
  return stringify(value, { version: '1.1', lineWidth: 0, collectionStyle: 'flow', flowCollectionPadding: style.flowPadding }).replace(/\n$/, '');
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * A document's indentation style never changes, and a big document gets many fixes (one per
 * container and rule): measure it once per document, not once per fix, or a Deployment with
 * hundreds of containers costs minutes.
 */
const styleCache = new WeakMap<Document, IndentStyle>();

function cachedStyle(text: string, doc: Document): IndentStyle {
  let style = styleCache.get(doc);
  if (!style) styleCache.set(doc, (style = detectStyle(text, doc)));
  return style;
}

function detectStyle(text: string, doc: Document): IndentStyle {
  let step: number | undefined;
  let seqOffset: number | undefined;
  let flowPadding: boolean | undefined;
  const known = () => step !== undefined && seqOffset !== undefined && flowPadding !== undefined;
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || !pair.key.range) return;
      const keyCol = column(text, pair.key.range[0]);
      const value = pair.value;
      if (step === undefined && isMap(value) && !value.flow && value.items.length > 0) {
        const first = (value.items[0] as Pair).key as Scalar | undefined;
        if (first?.range) {
          const delta = column(text, first.range[0]) - keyCol;
          if (delta > 0) step = delta;
        }
      }
      if (seqOffset === undefined && isSeq(value) && !value.flow && value.items.length > 0 && value.range) {
        const delta = column(text, value.range[0]) - keyCol;
        if (delta >= 0) seqOffset = delta;
      }
      return known() ? visit.BREAK : undefined;
    },
    Map(_, map) {
      if (flowPadding === undefined && map.flow && map.items.length > 0 && map.range) flowPadding = text[map.range[0] + 1] === ' ';
      return known() ? visit.BREAK : undefined;
    },
  });
  const s = step ?? 2;
  return { step: s, seqOffset: seqOffset ?? s, flowPadding: flowPadding ?? false };
}

export class OverlappingEdits extends Error {
  constructor() {
    super('overlapping edits within one change');
  }
}

/**
 * Sorts edits and merges touching ones, so a change is a set of disjoint replacements. At one
 * offset an insertion goes before a replacement that starts there (new lines appended after a
 * sequence, then the removal of the pair that follows it), else the order they were made in.
 */
export function normalizeEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  const out: TextEdit[] = [];
  for (const { e } of sorted) {
    const last = out[out.length - 1];
    if (last && e.start < last.end) throw new OverlappingEdits();
    if (last && e.start === last.end) out[out.length - 1] = { start: last.start, end: e.end, newText: last.newText + e.newText };
    else out.push({ ...e });
  }
  return out;
}

/** Collects the edits of one change against one document. */
class Writer implements EditBatch {
  readonly edits: TextEdit[] = [];
  /** Pairs, items and values this change removes: nothing may be edited inside them. */
  private readonly removed = new Set<unknown>();
  /** Where the removed last line(s) of a file without a final newline start (see removeLines). */
  private finalLinesRemovedAt?: number;
  private readonly eol: string;
  private style?: IndentStyle;

  constructor(
    private readonly text: string,
    private readonly doc: Document,
  ) {
    this.eol = detectEol(text);
  }

  private get indent(): IndentStyle {
    return (this.style ??= cachedStyle(this.text, this.doc));
  }

  /**
   * The physical node behind a reference (with the pair and the collection holding it), or
   * Unsafe when it is shared, reached indirectly, or inside something this change removes.
   */
  private locate(ref: NodeRef): { node: unknown; pair?: Pair; parent?: Collection } {
    if (ref.doc.doc !== this.doc) throw new Unsafe();
    const shared = sharedAnchors(this.doc);
    const isShared = (node: unknown) => !!node && typeof (node as Node).anchor === 'string' && shared.has((node as Node).anchor!);
    let node: unknown = this.doc.contents;
    let pair: Pair | undefined;
    let parent: Collection | undefined;
    if (isAlias(node) || isShared(node)) throw new Unsafe();
    for (const segment of ref.path) {
      if (typeof segment === 'number') {
        if (!isSeq(node)) throw new Unsafe();
        parent = node;
        node = node.items[segment];
        pair = undefined;
      } else {
        if (!isMap(node)) throw new Unsafe();
        parent = node;
        pair = ownPair(node, segment);
        if (!pair) throw new Unsafe();
        node = pair.value;
      }
      if (isAlias(node) || isShared(node) || this.removed.has(pair) || this.removed.has(node)) throw new Unsafe();
    }
    if (node !== null && node !== undefined && node !== ref.node) throw new Unsafe();
    return { node, pair, parent };
  }

  private insert(at: number, newText: string): void {
    this.edits.push({ start: at, end: at, newText });
  }

  private replace(start: number, end: number, newText: string): void {
    this.edits.push({ start, end, newText });
  }

  /** Where block lines go after `offset`: the start of the next line (adding one at EOF). */
  private insertLinesAfter(offset: number, lines: string[]): void {
    if (offset > 0 && this.text[offset - 1] === '\n') return this.insert(offset, lines.join(this.eol) + this.eol);
    const newline = this.text.indexOf('\n', offset);
    if (newline === -1) this.insert(this.text.length, this.eol + lines.join(this.eol));
    else this.insert(newline + 1, lines.join(this.eol) + this.eol);
  }

  /** End of the last content of a node: past its last scalar, before trailing comments. */
  private contentEnd(node: unknown): number {
    if (isPair(node)) return node.value === null || node.value === undefined ? rangeOf(node.key)[1] : this.contentEnd(node.value);
    if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) return this.contentEnd(node.items[node.items.length - 1]);
    return rangeOf(node)[1];
  }

  private colonAfter(key: unknown): number {
    const colon = this.text.indexOf(':', rangeOf(key)[1]);
    if (colon === -1) throw new Unsafe();
    return colon;
  }

  setScalar(ref: NodeRef, value: YamlScalar): void {
    const { node, pair } = this.locate(ref);
    const empty = node === null || node === undefined || (isScalar(node) && rangeOf(node)[1] === rangeOf(node)[0]);
    if (empty) {
      if (!pair) throw new Unsafe();
      const colon = this.colonAfter(pair.key);
      return this.insert(colon + 1, ` ${scalarText(value)}`);
    }
    if (!isScalar(node) || isBlockScalar(node)) throw new Unsafe();
    const [start, end] = rangeOf(node);
    this.replace(start, end, styledScalar(node, value));
  }

  ensureEntries(target: MapTarget, object: YamlObject, options: EnsureOptions = {}): void {
    const overwrite = options.overwrite ?? true;
    if ('parent' in target) return this.mergeInto(target.parent, { [target.key]: object }, overwrite);
    return this.mergeInto(target, object, overwrite);
  }

  mergeInto(mapRef: NodeRef, object: YamlObject, overwrite: boolean): void {
    const { node } = this.locate(mapRef);
    if (!isMap(node)) throw new Unsafe();
    const additions: YamlObject = {};
    for (const [key, desired] of Object.entries(object)) {
      const pair = ownPair(node, key);
      if (pair && this.removed.has(pair)) throw new Unsafe();
      if (pair) this.mergeValue(mapRef, node, pair, key, desired, overwrite);
      else if (child(mapRef, key) !== undefined && typeof desired === 'object' && desired !== null) {
        // Only a merge key (`<<: *base`) provides it: an own key would hide the rest of the shared map.
        throw new Unsafe();
      } else if (child(mapRef, key) === undefined || (overwrite && !sameScalar(scalarValue(child(mapRef, key)), desired))) {
        // A key only a merge key provides is overridden by an own key, which explicit keys win over.
        additions[key] = desired;
      }
    }
    if (Object.keys(additions).length > 0) this.insertPairs(node, additions);
  }

  private mergeValue(parent: NodeRef, map: YAMLMap, pair: Pair, key: string, desired: YamlValue, overwrite: boolean): void {
    const value = pair.value;
    const ref = child(parent, key);
    if (!ref) throw new Unsafe();
    if (isNullScalar(value) || ((isMap(value) || isSeq(value)) && value.items.length === 0 && typeof desired === 'object' && desired !== null)) {
      if ((isMap(value) && Array.isArray(desired)) || (isSeq(value) && isPlainObject(desired))) throw new Unsafe();
      if (isEmptyValue(desired) && !isNullScalar(value)) return;
      return this.replaceValue(map, pair, desired);
    }
    if (isPlainObject(desired)) {
      if (!isMap(value)) throw new Unsafe();
      return this.mergeInto(ref, desired, overwrite);
    }
    if (Array.isArray(desired)) {
      if (!isSeq(value)) throw new Unsafe();
      return this.ensureItems(ref, value, desired);
    }
    if (!isScalar(value)) throw new Unsafe();
    if (sameScalar(value.value, desired) || !overwrite) return;
    this.setScalar(ref, desired);
  }

  private ensureItems(ref: NodeRef, seq: YAMLSeq, desired: YamlValue[]): void {
    const existing = seq.items.map((item) => (isScalar(item) ? item.value : (item as Node | null)?.toJSON?.()));
    const missing = desired.filter((d) => !existing.some((e) => sameItem(e, d)));
    if (missing.length > 0) this.appendItems(ref, missing);
  }

  appendItems(ref: NodeRef, values: YamlValue[]): void {
    const { node } = this.locate(ref);
    if (!isSeq(node)) throw new Unsafe();
    if (isFlow(node)) {
      const texts = values.map((v) => inlineText(v, this.indent));
      if (node.items.length === 0) {
        const [start, end] = rangeOf(node);
        return this.replace(start, end, `[${texts.join(', ')}]`);
      }
      return this.insert(this.contentEnd(node.items[node.items.length - 1]), `, ${texts.join(', ')}`);
    }
    const dashCol = column(this.text, rangeOf(node)[0]);
    this.insertLinesAfter(this.contentEnd(node), renderItems(values, dashCol, this.indent));
  }

  appendUnder(parent: NodeRef, key: string, value: YamlValue): void {
    const { node } = this.locate(parent);
    if (!isMap(node)) throw new Unsafe();
    const pair = ownPair(node, key);
    if (pair && this.removed.has(pair)) throw new Unsafe();
    if (!pair) {
      if (child(parent, key) !== undefined) throw new Unsafe();
      return this.insertPairs(node, { [key]: [value] });
    }
    if (isNullScalar(pair.value)) return this.replaceValue(node, pair, [value]);
    const ref = child(parent, key);
    if (!ref || !isSeq(pair.value)) throw new Unsafe();
    this.appendItems(ref, [value]);
  }

  /**
   * Adds pairs to a map: before `}` of a flow map, else as lines after its last pair. A flow
   * map whose pairs this change all removes is rewritten whole, over the `{}` its removal left.
   */
  private insertPairs(map: YAMLMap, additions: YamlObject): void {
    const style = this.indent;
    const allRemoved = map.items.length > 0 && map.items.every((item) => this.removed.has(item));
    if (isFlow(map)) {
      const pairs = Object.entries(additions).map(([k, v]) => `${scalarText(k)}: ${inlineText(v, style)}`);
      if (map.items.length === 0 || allRemoved) {
        const [start, end] = rangeOf(map);
        return this.replaceAll(start, end, inlineText(additions, style));
      }
      // After the last value, so a trailing comma (`{a: 1, }`) stays valid after the new pairs.
      return this.insert(this.contentEnd(map.items[map.items.length - 1]), `, ${pairs.join(', ')}`);
    }
    const first = (map.items[0] as Pair | undefined)?.key;
    if (!first) throw new Unsafe();
    // `- a: 1` whose only pair goes became `- {}`: lines added below it would not parse.
    if (allRemoved && !this.opensLine(rangeOf(first)[0])) throw new Unsafe();
    const col = column(this.text, rangeOf(first)[0]);
    this.insertLinesAfter(this.contentEnd(map), renderPairs(additions, col, style));
  }

  /**
   * Replaces `start..end`, dropping the edits this change made inside it (now overwritten);
   * insertions just before or after it are someone else's and stay.
   */
  private replaceAll(start: number, end: number, newText: string): void {
    const inside = (e: TextEdit) => e.start >= start && e.end <= end && !(e.start === e.end && (e.start === start || e.end === end));
    for (let i = this.edits.length - 1; i >= 0; i--) if (inside(this.edits[i])) this.edits.splice(i, 1);
    this.replace(start, end, newText);
  }

  private lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** Is there nothing but indentation before `offset` on its line? */
  private opensLine(offset: number): boolean {
    return this.text.slice(this.lineStart(offset), offset).trim() === '';
  }

  /**
   * Removes whole lines, from the start of the line of `start` to the end of the line of `end`
   * (a value's content end: a trailing comment on that line goes too). The last lines of a file
   * without a final newline have no break of their own: `finish` decides about the one before.
   */
  private removeLines(start: number, end: number): void {
    const lineStart = this.lineStart(start);
    const newline = this.text.indexOf('\n', end - (this.text[end - 1] === '\n' ? 1 : 0));
    if (newline !== -1) return this.replace(lineStart, newline + 1, '');
    this.replace(lineStart, this.text.length, '');
    this.finalLinesRemovedAt = lineStart;
  }

  /**
   * Keeps a file without a final newline without one when its last lines were removed: lines
   * inserted where they began (appended to the sequence or map before them) lose their final
   * break; with none, the break before the removed lines goes.
   */
  finish(): void {
    const at = this.finalLinesRemovedAt;
    if (at === undefined || at === 0) return;
    const inserted = this.edits.filter((e) => e.start === at && e.end === at);
    const last = inserted[inserted.length - 1];
    if (last?.newText.endsWith(this.eol)) last.newText = last.newText.slice(0, -this.eol.length);
    else if (!last) this.replace(at - (this.text[at - 2] === '\r' ? 2 : 1), at, '');
  }

  /** Replaces a null, `~`, `{}` or `[]` value by `desired`, keeping any comment on the line. */
  private replaceValue(map: YAMLMap, pair: Pair, desired: YamlValue): void {
    const style = this.indent;
    const value = pair.value as Node | null;
    const hasToken = !!value && !!value.range && value.range[1] > value.range[0];
    const inline = isFlow(map) || typeof desired !== 'object' || desired === null || isEmptyValue(desired);
    if (inline) {
      const text = inlineText(desired, style);
      if (hasToken) return this.replace(rangeOf(value)[0], rangeOf(value)[1], text);
      return this.insert(this.colonAfter(pair.key) + 1, ` ${text}`);
    }
    const colon = this.colonAfter(pair.key);
    const keyCol = column(this.text, rangeOf(pair.key)[0]);
    if (hasToken) this.replace(colon + 1, rangeOf(value)[1], '');
    const lines = Array.isArray(desired)
      ? renderItems(desired, keyCol + style.seqOffset, style)
      : renderPairs(desired as YamlObject, keyCol + style.step, style);
    this.insertLinesAfter(hasToken ? rangeOf(value)[1] : colon + 1, lines);
  }

  removePair(mapRef: NodeRef, key: string): void {
    const { node } = this.locate(mapRef);
    if (!isMap(node)) throw new Unsafe();
    const pair = (node.items as Pair[]).find((p) => !isMergePair(p) && keyText(p.key) === key);
    if (!pair) {
      if (child(mapRef, key) !== undefined) throw new Unsafe();
      return;
    }
    this.removeOwnPair(node, pair);
  }

  private removeOwnPair(map: YAMLMap, pair: Pair): void {
    const pairs = map.items as Pair[];
    const index = pairs.indexOf(pair);
    this.markRemoved(pair, pair.value);
    const keyStart = rangeOf(pair.key)[0];
    const next = pairs[index + 1];
    if (isFlow(map)) {
      if (next) return this.replace(keyStart, rangeOf(next.key)[0], '');
      if (index > 0) return this.replace(this.contentEnd(pairs[index - 1]), this.contentEnd(pair), '');
      return this.replace(rangeOf(map)[0], rangeOf(map)[1], '{}');
    }
    if (!this.opensLine(keyStart)) {
      // The first pair of a sequence item (`- name: x`): the next pair moves up after the dash.
      if (next) return this.replace(keyStart, rangeOf(next.key)[0], '');
      return this.replace(keyStart, this.contentEnd(pair), '{}');
    }
    this.removeLines(keyStart, this.contentEnd(pair));
  }

  removeItems(seqRef: NodeRef, indexes: readonly number[]): void {
    const { node: seq, pair, parent } = this.locate(seqRef);
    if (!isSeq(seq)) throw new Unsafe();
    const doomed = seq.items.map((_, i) => indexes.includes(i));
    if (!doomed.includes(true)) return;
    if (!doomed.includes(false)) {
      if (pair && isMap(parent)) return this.removeOwnPair(parent, pair);
      this.markRemoved(seq);
      return this.replace(rangeOf(seq)[0], this.contentEnd(seq), '[]');
    }
    this.markRemoved(...seq.items.filter((_, i) => doomed[i]));
    for (const [first, last] of runs(doomed)) {
      if (isFlow(seq)) this.removeFlowItems(seq, first, last);
      else this.removeBlockItems(seq, first, last);
    }
  }

  /** Items `first..last` of a flow sequence that keeps others: up to the next kept item, else from the previous one. */
  private removeFlowItems(seq: YAMLSeq, first: number, last: number): void {
    const next = seq.items[last + 1];
    if (next !== undefined) return this.replace(this.startOf(seq.items[first]), this.startOf(next), '');
    this.replace(this.contentEnd(seq.items[first - 1]), this.contentEnd(seq.items[last]), '');
  }

  /** Items `first..last` of a block sequence: their lines, from the first dash to the end of the last item. */
  private removeBlockItems(seq: YAMLSeq, first: number, last: number): void {
    const start = this.startOf(seq.items[first]);
    // Only `- ` (and an anchor or tag) before the item: `- - a` would take the outer item's dash.
    if (!/^ *-(?:[ \t]+(?:[&!]\S*[ \t]+)*)?$/.test(this.text.slice(this.lineStart(start), start))) throw new Unsafe();
    this.removeLines(start, this.contentEnd(seq.items[last]));
  }

  private markRemoved(...nodes: unknown[]): void {
    for (const node of nodes) if (node !== null && node !== undefined) this.removed.add(node);
  }

  private startOf(node: unknown): number {
    return isPair(node) ? rangeOf(node.key)[0] : rangeOf(node)[0];
  }
}

/** Runs of consecutive true values, as [first, last] indexes. */
function runs(flags: readonly boolean[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  flags.forEach((flag, i) => {
    if (!flag) return;
    const last = out[out.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else out.push([i, i]);
  });
  return out;
}

function styledScalar(node: Scalar, value: YamlScalar): string {
  if (typeof value !== 'string') return value === null ? 'null' : String(value);
  if (node.type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  if (node.type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  return scalarText(value);
}

function sameScalar(a: unknown, b: YamlValue): boolean {
  if (typeof a === 'bigint') return Number(a) === b;
  return a === b;
}

/** Items match case-insensitively for strings (`all` and `ALL` drop the same capabilities). */
function sameItem(existing: unknown, desired: YamlValue): boolean {
  if (typeof desired === 'string' && typeof existing === 'string') return existing.trim().toUpperCase() === desired.trim().toUpperCase();
  if (typeof desired !== 'object' || desired === null) return sameScalar(existing, desired);
  return JSON.stringify(existing) === JSON.stringify(desired);
}

function scalarValue(ref: NodeRef | undefined): unknown {
  return ref && isScalar(ref.node) ? ref.node.value : undefined;
}
