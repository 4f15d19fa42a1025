/**
 * Well-known token formats from secretlint's recommended preset, run in process and
 * synchronously.
 *
 * `@secretlint/core`'s `lintSource` is asynchronous (it awaits every rule through an event
 * emitter), which the per-keystroke engine cannot use. The preset's scanners themselves are
 * synchronous: each rule's `create(context)` returns a `file(source)` handler that runs its
 * regular expressions over `source.content` and calls `context.report({message, range})`.
 * So we create every scanner once, with a minimal context of our own, and call its `file`
 * handler per value. Two rules are left out on purpose: the GCP rule only reads `.p12` /
 * `.json` files from disk (asynchronously), and `filter-comments` handles
 * `secretlint-disable` comments, which mean nothing inside a YAML value.
 *
 * Our translator never formats secretlint's messages with their data (those messages quote
 * the secret); descriptions are rendered from the message templates with empty data.
 */
import { rules as recommendedRules } from '@secretlint/secretlint-rule-preset-recommend';
import type {
  SecretLintRuleContext,
  SecretLintRuleCreator,
  SecretLintRuleReportHandler,
  SecretLintSourceCode,
  SecretLintSourceNodeLocation,
  SecretLintSourceNodePosition,
} from '@secretlint/types';
import type { SecretKind, SecretMatch } from './types';

const EXCLUDED_RULES = new Set(['@secretlint/secretlint-rule-gcp', '@secretlint/secretlint-rule-filter-comments']);
const PRIVATE_KEY_RULE = '@secretlint/secretlint-rule-privatekey';
/** Rule options: the AWS rule scans bare access key ids (AKIA...) only when asked to. */
const RULE_OPTIONS: Record<string, object> = { '@secretlint/secretlint-rule-aws': { enableIDScanRule: true } };
/**
 * Not `package.json` / `.npmrc` (whose scanners look for file-specific syntax) and with no
 * physical file behind it.
 */
const VIRTUAL_FILE_PATH = 'palisade-value.txt';

interface Report {
  creator: SecretLintRuleCreator;
  messageId: string;
  start: number;
  end: number;
}

interface Scanner {
  creator: SecretLintRuleCreator;
  handler: SecretLintRuleReportHandler;
}

/** The value being scanned, as secretlint's source code interface. */
class ValueSource implements SecretLintSourceCode {
  readonly hasBOM = false;
  readonly filePath = VIRTUAL_FILE_PATH;
  readonly physicalFilePath = undefined;
  readonly contentType = 'text' as const;
  readonly ext = '.txt';
  constructor(readonly content: string) {}
  getFilePath(): string {
    return this.filePath;
  }
  getPhysicalFilePath(): undefined {
    return undefined;
  }
  indexToPosition(index: number): SecretLintSourceNodePosition {
    const before = this.content.slice(0, index);
    const line = before.split('\n').length;
    return { line, column: index - (before.lastIndexOf('\n') + 1) };
  }
  positionToIndex(pos: SecretLintSourceNodePosition): number {
    const lines = this.content.split('\n');
    return lines.slice(0, pos.line - 1).reduce((sum, l) => sum + l.length + 1, 0) + pos.column;
  }
  rangeToLocation(range: readonly [number, number]): SecretLintSourceNodeLocation {
    return { start: this.indexToPosition(range[0]), end: this.indexToPosition(range[1]) };
  }
  locationToRange(loc: SecretLintSourceNodeLocation): [number, number] {
    return [this.positionToIndex(loc.start), this.positionToIndex(loc.end)];
  }
}

let scanners: Scanner[] | undefined;
/** Reports of the scan in progress (scans are synchronous, so one buffer is enough). */
let pending: Report[] = [];
let currentCreator: SecretLintRuleCreator | undefined;
/** Scanners seen returning a promise: none today; the tests fail if an upgrade adds one. */
const asynchronousScanners = new Set<string>();

function createScanners(): Scanner[] {
  const context: SecretLintRuleContext = {
    sharedOptions: {},
    createTranslator: (() => (messageId: string) => ({ message: '', messageId, data: {} })) as SecretLintRuleContext['createTranslator'],
    report(descriptor) {
      const [start, end] = descriptor.range;
      pending.push({ creator: currentCreator!, messageId: String(descriptor.message.messageId), start, end });
    },
    ignore() {},
  };
  return (recommendedRules as SecretLintRuleCreator[])
    .filter((creator) => !EXCLUDED_RULES.has(creator.meta.id))
    .map((creator) => ({ creator, handler: creator.create(context, RULE_OPTIONS[creator.meta.id] ?? {}) }));
}

const labels = new Map<string, string>();

/** "found GitHub Token(${typeName}): ${KEY}" rendered without data -> "GitHub Token". */
function describe(creator: SecretLintRuleCreator, messageId: string): string {
  const cacheKey = `${creator.meta.id}#${messageId}`;
  let label = labels.get(cacheKey);
  if (label === undefined) {
    const template = (creator.messages as Record<string, unknown>)[messageId];
    const english = typeof template === 'function' ? template : (template as { en?: unknown } | undefined)?.en;
    const rendered = typeof english === 'function' ? String(english(new Proxy({}, { get: () => '' }))) : messageId;
    label = rendered.replace(/^found\s+/i, '').replace(/\(\)/g, '').replace(/[\s:]+$/, '') || messageId;
    labels.set(cacheKey, label);
  }
  return label;
}

/** Every secretlint finding in `value`, in the order the scanners report them. */
export function scanWithSecretlint(value: string): SecretMatch[] {
  scanners ??= createScanners();
  const source = new ValueSource(value);
  pending = [];
  for (const { creator, handler } of scanners) {
    currentCreator = creator;
    const result = handler.file?.(source);
    // The preset's scanners return nothing. A promise would mean a scanner went asynchronous;
    // its late reports could only arrive between scans, and the next scan starts with an
    // empty buffer, so they are dropped rather than misattributed.
    if (result instanceof Promise) {
      asynchronousScanners.add(creator.meta.id);
      result.catch(() => undefined);
    }
  }
  const reports = pending;
  pending = [];
  return reports.map((r) => {
    const kind: SecretKind = r.creator.meta.id === PRIVATE_KEY_RULE ? 'private-key' : 'token';
    const start = Math.max(0, Math.min(r.start, value.length));
    const end = Math.max(start, Math.min(r.end, value.length));
    return { kind, description: describe(r.creator, r.messageId), start, end };
  });
}

/** Which preset scanners run, and which of them turned out asynchronous (for tests). */
export function secretlintScanners(): { ids: string[]; asynchronous: string[] } {
  scanners ??= createScanners();
  return { ids: scanners.map((s) => s.creator.meta.id), asynchronous: [...asynchronousScanners] };
}
