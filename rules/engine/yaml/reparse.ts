/**
 * Re-parsing an edited document in part. A keystroke in a document of hundreds of KB (a
 * Deployment of 300 containers, a CRD's schema) would otherwise parse all of it again: ~0.3 s
 * for 760 KB, most of the time between the key and its diagnostics. Instead, the smallest block
 * item (a map entry or a sequence entry) that contains the change is parsed on its own, at its
 * own column, and put in place of the old one; the items before the change are shared with the
 * previous tree and those after it are copied with their ranges moved.
 *
 * The result must be exactly what a full parse gives (test/engine/reparse.test.ts compares the
 * two trees, every node and range, over random edits of the corpus), so whenever the item's
 * text could mean something else in its context, this gives up and the caller parses in full:
 * syntax errors or warnings, anchors and aliases, directives, an item that became two or moved,
 * duplicate keys, an empty key, an empty value or a trailing comment at the item's end (their
 * ranges reach into the next line). Each such case then tries one level up.
 */
import { isAlias, isDocument, isMap, isPair, isScalar, isSeq, Pair, parseAllDocuments, Scalar, YAMLMap, YAMLSeq, type Document, type Node } from 'yaml';
import { changedSpan, type ChangedSpan } from '../text';
import { duplicateKeys, repeatedKeys, YAML_PARSE_OPTIONS, type ParsedSegment } from './parse';

type BlockCollection = YAMLMap | YAMLSeq;
type Item = Pair | Node;

/** One step down the tree: the item of `collection` at `index` contains the change. */
interface Step {
  collection: BlockCollection;
  index: number;
}

/**
 * `previous` parsed from `previous.text`; the parse of `text` made from it, or undefined when
 * only a full parse can say (the caller then parses in full).
 */
export function reparseInPart(previous: ParsedSegment, text: string): ParsedSegment | undefined {
  if (previous.errors.length > 0 || previous.documents.length !== 1 || hasDirectives(previous.text) || hasDirectives(text)) return undefined;
  const doc = previous.documents[0];
  if (doc.errors.length > 0 || doc.warnings.length > 0 || hasAnchorsOrAliases(doc)) return undefined;
  const change = changedSpan(previous.text, text);
  const steps = stepsToChange(doc.contents, change);
  // Deepest first: the smaller the item, the less to parse. An item that no longer parses
  // alone (say, a new line split it into two entries) may still do so one level up.
  for (let depth = steps.length - 1; depth >= 0; depth--) {
    const reparsed = reparseItem(doc, steps.slice(0, depth + 1), change, previous.text, text);
    if (reparsed) {
      knownFreeOfAnchors.add(reparsed);
      return { text, documents: [reparsed], errors: [] };
    }
  }
  return undefined;
}

/** Directives (`%YAML`, `%TAG`) change how the items would parse on their own. */
function hasDirectives(text: string): boolean {
  return text.startsWith('%') || text.includes('\n%');
}

// --- Finding the item -----------------------------------------------------------------------

function isBlockCollection(node: unknown): node is BlockCollection {
  return (isMap(node) || isSeq(node)) && !node.flow;
}

function stepsToChange(contents: unknown, change: ChangedSpan): Step[] {
  const steps: Step[] = [];
  let node = contents;
  while (isBlockCollection(node)) {
    const index = itemContaining(node, change);
    if (index < 0) break;
    steps.push({ collection: node, index });
    const item = node.items[index] as Item;
    node = isPair(item) ? item.value : item;
  }
  return steps;
}

/** Where an item's own text starts: its key, or the entry's value after `- `. */
function itemStart(item: Item): number | undefined {
  const node = isPair(item) ? item.key : item;
  return isScalar(node) || isMap(node) || isSeq(node) ? node.range?.[0] : undefined;
}

/**
 * Where it ends: the start of the line after its last content (yaml's node end). Not known for
 * an entry without a value node (`key:` then a comment): its map ends after the comment.
 */
function itemEnd(item: Item): number | undefined {
  const node = isPair(item) ? item.value : item;
  return isScalar(node) || isMap(node) || isSeq(node) ? node.range?.[2] : undefined;
}

/** The index of the item whose text contains the whole change (binary search), or -1. */
function itemContaining(collection: BlockCollection, change: ChangedSpan): number {
  const items = collection.items as Item[];
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const start = itemStart(items[middle]);
    if (start === undefined) return -1;
    if (start <= change.start) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (found < 0) return -1;
  const end = itemEnd(items[found]);
  return end !== undefined && change.oldEnd <= end ? found : -1;
}

// --- Parsing it alone ------------------------------------------------------------------------

function reparseItem(doc: Document.Parsed, steps: Step[], change: ChangedSpan, before: string, after: string): Document.Parsed | undefined {
  const { collection, index } = steps[steps.length - 1];
  const old = collection.items[index] as Item;
  // An empty key's range does not say where its line's indentation ends.
  if (hasEmptyKey(old)) return undefined;
  const start = itemStart(old)!;
  const end = itemEnd(old)!;
  const delta = change.newEnd - change.oldEnd;
  // The item's text must be whole lines, before and after the change, so that it parses alone as it does in place.
  if (!endsLine(before, end) || !endsLine(after, end + delta)) return undefined;
  const lineStart = before.lastIndexOf('\n', start - 1) + 1;
  const lead = leadFor(before.slice(lineStart, start), isSeq(collection));
  if (lead === undefined) return undefined;
  // The blank and comment lines after the item go with it: a block scalar may take them in
  // (`|+`, or a comment indented as deep as its text), and then the item no longer ends where it did.
  const context = afterBlankAndCommentLines(after, end + delta);
  const alone = parseAllDocuments(lead + after.slice(start, context), { ...YAML_PARSE_OPTIONS, uniqueKeys: false });
  if (!Array.isArray(alone) || alone.length !== 1) return undefined;
  const fresh = soleItem(alone[0] as Document.Parsed, collection, lead.length + (end + delta - start));
  if (!fresh || itemStart(fresh) !== start - lineStart || hasEmptyKey(fresh) || endsInEmptyValueOrComment(fresh) || hasAnchorsOrAliases(fresh)) return undefined;
  shiftAll(fresh, lineStart);
  carryOver(old, fresh);
  if (duplicateKeys(fresh).length > 0) return undefined;
  const rebuilt = rebuild(steps, fresh, delta);
  // A changed key may now repeat another key of its map.
  if (isPair(fresh) && repeatedKeys(rebuilt.parent as YAMLMap).length > 0) return undefined;
  return documentWith(doc, rebuilt.contents, delta);
}

function endsLine(text: string, offset: number): boolean {
  return offset === text.length || text.charCodeAt(offset - 1) === 10;
}

/**
 * What stands before the item on its first line, as it must read when parsed alone: the `- `
 * of its own entry stays, anything else (indentation, the `- ` of an enclosing entry) becomes
 * spaces, so the item keeps its column. Undefined for anything else on that line (`? `, tabs).
 */
function leadFor(prefix: string, inSequence: boolean): string | undefined {
  if (!/^[ -]*$/.test(prefix)) return undefined;
  if (!inSequence) return ' '.repeat(prefix.length);
  const dash = prefix.lastIndexOf('-');
  if (dash < 0 || dash === prefix.length - 1 || prefix.slice(dash + 1).trim() !== '') return undefined;
  return ' '.repeat(dash) + prefix.slice(dash);
}

/** The end of the blank and comment-only lines from `offset` (a line start) on. */
function afterBlankAndCommentLines(text: string, offset: number): number {
  let lineStart = offset;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline + 1;
    const line = text.slice(lineStart, lineEnd).trim();
    if (line !== '' && !line.startsWith('#')) break;
    lineStart = lineEnd;
  }
  return lineStart;
}

/**
 * An empty value (`key:` then maybe a comment), or a comment on the lines after a map or a
 * sequence, ends where the next token starts: on the next line, after its indentation, in
 * place; at the end of the text when parsed alone. Only the item's last node can be such.
 */
function endsInEmptyValueOrComment(item: unknown): boolean {
  if (isPair(item)) return endsInEmptyValueOrComment(item.value);
  if (isScalar(item)) return item.source === '' || item.range![0] === item.range![1];
  if (isMap(item) || isSeq(item)) return !!item.comment || item.items.length === 0 || endsInEmptyValueOrComment(item.items[item.items.length - 1]);
  return true;
}

/** An empty key (`: value`) is placed by what precedes it on the line, which differs when parsed alone. */
function hasEmptyKey(item: Item): boolean {
  const key = isPair(item) ? (item.key as Node | null) : undefined;
  return isPair(item) && (!key || (isScalar(key) && key.range![0] === key.range![1]));
}

/** The single item the text parsed into, when it is one item of the same kind, filling the text, and clean. */
function soleItem(alone: Document.Parsed, like: BlockCollection, length: number): Item | undefined {
  // Comments after the item (on the lines that follow it) end up on the document or the root: not taken.
  if (alone.errors.length > 0 || alone.warnings.length > 0) return undefined;
  const root = alone.contents;
  if (!isBlockCollection(root) || isMap(root) !== isMap(like) || root.tag !== like.tag || root.items.length !== 1) return undefined;
  const item = root.items[0] as Item;
  return itemEnd(item) === length ? item : undefined;
}

/** Comments and blank lines before the item were read from lines outside its text: keep them. */
function carryOver(old: Item, fresh: Item): void {
  const from = (isPair(old) ? old.key : old) as Node;
  const to = (isPair(fresh) ? fresh.key : fresh) as Node;
  if (from.commentBefore !== undefined) to.commentBefore = from.commentBefore;
  if (from.spaceBefore !== undefined) to.spaceBefore = from.spaceBefore;
}

// --- Putting it in place ---------------------------------------------------------------------

/**
 * New collections along the path to the item; items before the change are shared with the old
 * tree (nothing before it moved), items after it are copies with their ranges moved by `delta`.
 * The old tree stays as it was: findings and code actions of the previous version still use it.
 */
function rebuild(steps: Step[], fresh: Item, delta: number): { contents: BlockCollection; parent: BlockCollection } {
  let replacement: Item = fresh;
  let parent: BlockCollection | undefined;
  for (let level = steps.length - 1; level >= 0; level--) {
    const { collection, index } = steps[level];
    const copy = shallowCopy(collection);
    const items = collection.items as Item[];
    const rebuilt: Item[] = items.slice(0, index);
    rebuilt.push(replacement);
    for (let i = index + 1; i < items.length; i++) rebuilt.push(moved(items[i], delta));
    copy.items = rebuilt as typeof copy.items;
    copy.range = [collection.range![0], collection.range![1] + delta, collection.range![2] + delta];
    parent ??= copy;
    if (level > 0) {
      const holder = steps[level - 1].collection.items[steps[level - 1].index] as Item;
      replacement = isPair(holder) ? pairWith(holder, holder.key, copy) : copy;
    } else {
      replacement = copy;
    }
  }
  return { contents: replacement as BlockCollection, parent: parent! };
}

function documentWith(doc: Document.Parsed, contents: BlockCollection, delta: number): Document.Parsed {
  const copy = Object.create(Object.getPrototypeOf(doc), Object.getOwnPropertyDescriptors(doc)) as Document.Parsed;
  copy.contents = contents as Document.Parsed['contents'];
  copy.range = [doc.range[0], doc.range[1] + delta, doc.range[2] + delta];
  copy.errors = [];
  copy.warnings = [];
  return copy;
}

/** A copy of a node or pair and everything under it, every range moved by `delta`. */
function moved(item: unknown, delta: number): Item {
  if (isPair(item)) return pairWith(item, item.key === null ? null : moved(item.key, delta), item.value === null ? null : moved(item.value, delta));
  if (isScalar(item)) {
    const copy = Object.assign(new Scalar(undefined), item);
    if (item.range) copy.range = [item.range[0] + delta, item.range[1] + delta, item.range[2] + delta];
    return copy;
  }
  if (isMap(item) || isSeq(item)) {
    const copy = shallowCopy(item);
    copy.items = item.items.map((child) => moved(child, delta)) as typeof copy.items;
    if (item.range) copy.range = [item.range[0] + delta, item.range[1] + delta, item.range[2] + delta];
    return copy;
  }
  // Aliases were ruled out before; anything else unknown is a bug to see, not to hide.
  throw new Error(`reparseInPart: cannot move a ${String(item)}`);
}

function shallowCopy<T extends BlockCollection>(collection: T): T {
  const copy = (isMap(collection) ? new YAMLMap(collection.schema) : new YAMLSeq(collection.schema)) as T;
  // Own enumerable fields (items, range, flow, tag, comments...); a subclass (!!omap, !!set) keeps its prototype.
  Object.assign(copy, collection);
  if (Object.getPrototypeOf(copy) !== Object.getPrototypeOf(collection)) Object.setPrototypeOf(copy, Object.getPrototypeOf(collection));
  return copy;
}

function pairWith(pair: Pair, key: unknown, value: unknown): Pair<unknown, unknown> {
  const copy = Object.assign(new Pair<unknown, unknown>(null), pair);
  copy.key = key;
  copy.value = value;
  return copy;
}

/** Moves, in place, every range of a freshly parsed item (nothing else holds it). */
function shiftAll(item: unknown, delta: number): void {
  if (isPair(item)) {
    shiftAll(item.key, delta);
    shiftAll(item.value, delta);
  } else if (isScalar(item) || isMap(item) || isSeq(item)) {
    if (item.range) item.range = [item.range[0] + delta, item.range[1] + delta, item.range[2] + delta];
    if (!isScalar(item)) for (const child of item.items) shiftAll(child, delta);
  }
}

// --- Anchors and aliases ---------------------------------------------------------------------

/** Documents made here, known to have none (their parts were checked). */
const knownFreeOfAnchors = new WeakSet<object>();
const anchorsFound = new WeakMap<object, boolean>();

/**
 * An alias's meaning depends on anchors anywhere before it, so documents with either are
 * always parsed in full. Walked once per fully parsed document.
 */
function hasAnchorsOrAliases(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (knownFreeOfAnchors.has(node)) return false;
  const known = anchorsFound.get(node);
  if (known !== undefined) return known;
  const found = walkFindsAnchor(isDocument(node) ? node.contents : node);
  if (isDocument(node)) anchorsFound.set(node, found);
  return found;
}

function walkFindsAnchor(node: unknown): boolean {
  if (isAlias(node)) return true;
  if (isPair(node)) return walkFindsAnchor(node.key) || walkFindsAnchor(node.value);
  if (isScalar(node)) return node.anchor !== undefined;
  if (isMap(node) || isSeq(node)) {
    if (node.anchor !== undefined) return true;
    for (const child of node.items) if (walkFindsAnchor(child)) return true;
  }
  return false;
}
