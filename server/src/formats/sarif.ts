/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
 *
 * - Rules come from the registry's metadata (`ALL_META`), so help, levels and tags never drift.
 * - Regions are 1-based and counted in UTF-16 code units (`columnKind`), which is what the
 *   engine's positions are.
 * - `partialFingerprints` hash the finding's identity (rule id, document index, JSON path, file),
 *   not its line, so an alert survives lines inserted above it.
 * - Suppressed findings are kept with a `suppressions` entry: `inSource` for annotations and
 *   comments, `external` for the config file.
 * - Related locations (same file or another) become `relatedLocations`, each with its own
 *   message and an `id` (1, 2, ...). The result message does not embed links to them
 *   (`[text](1)`, SARIF 3.11.6): that is optional, and our messages are written as plain
 *   sentences that other formats show unchanged.
 */
import { createHash } from 'node:crypto';
import type { Location, Log, Notification, Region, ReportingDescriptor, Result, Suppression as SarifSuppression } from 'sarif';
import { BUILTIN_META } from '../../../rules/engine/builtin';
import type { Range, RuleMeta, Severity } from '../../../rules/engine/types';
import type { WorkspaceFinding } from '../../../rules/engine/workspace';
import { ALL_META } from '../../../rules/index';
import type { ScanResult } from '../workspace/scan';
import { referenceLines, referenceMarkdown } from './references';
import { relatedNotes, type RelatedNote } from './related';
import { PALISADE_INFORMATION_URI, PALISADE_NAME, PALISADE_VERSION } from './tool';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const FINGERPRINT_KEY = 'palisadeFindingKey/v1';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub maps security-severity to critical (>= 9), high (>= 7), medium (>= 4) and low. */
const SECURITY_SEVERITY: Partial<Record<Severity, string>> = { error: '8.0', warning: '5.0' };
const BUILTIN_IDS = new Set(BUILTIN_META.map((m) => m.id));

export interface SarifOptions {
  /** Warnings of the scan itself (unreadable folders), reported as tool notifications. */
  warnings?: readonly string[];
}

export function toSarif(result: ScanResult, options: SarifOptions = {}): Log {
  const metas = [...ALL_META];
  const indexOf = new Map(metas.map((m, i) => [m.id, i]));
  const ruleIndex = (id: string): number => {
    let index = indexOf.get(id);
    if (index === undefined) {
      // A finding from a rule outside the registry (should not happen): describe it minimally.
      index = metas.push(unknownMeta(id)) - 1;
      indexOf.set(id, index);
    }
    return index;
  };
  const results: Result[] = [];
  for (const file of result.files) {
    const occurrences = new Map<string, number>();
    for (const finding of file.findings) {
      results.push(toResult(finding, file.file, ruleIndex(finding.ruleId), occurrences));
    }
  }
  const notifications: Notification[] = (options.warnings ?? []).map((text) => ({ level: 'warning', message: { text } }));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: PALISADE_NAME,
            version: PALISADE_VERSION,
            semanticVersion: PALISADE_VERSION,
            informationUri: PALISADE_INFORMATION_URI,
            rules: metas.map(toDescriptor),
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(result: ScanResult, options: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(result, options), null, 2)}\n`;
}

function toDescriptor(meta: RuleMeta): ReportingDescriptor {
  const references = referenceLines(meta.references);
  const builtin = BUILTIN_IDS.has(meta.id);
  const properties: Record<string, unknown> = { tags: tagsOf(meta, builtin), precision: 'high' };
  const securitySeverity = SECURITY_SEVERITY[meta.severity];
  // Engine findings (parse errors, skipped files) are not vulnerabilities: no security rating.
  if (securitySeverity && !builtin) properties['security-severity'] = securitySeverity;
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    help: {
      text: [meta.description, `Remediation: ${meta.remediation}`, ...(references.length ? ['References:', ...references] : [])].join('\n\n'),
      markdown: [
        meta.description,
        `**Remediation.** ${meta.remediation}`,
        ...(references.length ? [`**References**\n\n${referenceMarkdown(meta.references).join('\n')}`] : []),
      ].join('\n\n'),
    },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties,
  };
}

function tagsOf(meta: RuleMeta, builtin: boolean): string[] {
  const tags = builtin ? [meta.category] : ['security', meta.category, meta.tier];
  if (meta.references.pss) tags.push(`pss-${meta.references.pss.level}`);
  return tags;
}

function toResult(finding: WorkspaceFinding, file: string, ruleIndex: number, occurrences: Map<string, number>): Result {
  const related = relatedNotes(finding, file);
  const result: Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [toLocation(file, finding.range)],
    ...(related.length > 0 ? { relatedLocations: related.map(toRelatedLocation) } : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(finding, file, occurrences) },
    properties: {
      documentIndex: finding.documentIndex,
      jsonPath: finding.path,
      ...(finding.object ? { object: finding.object } : {}),
    },
  };
  if (finding.suppressed) result.suppressions = [toSuppression(finding.suppressed)];
  return result;
}

function toLocation(file: string, range: Range): Location {
  return { physicalLocation: { artifactLocation: { uri: toUri(file), uriBaseId: '%SRCROOT%' }, region: toRegion(range) } };
}

/** 1-based lines and columns; the end column is exclusive, as the engine's end is. */
function toRegion({ start, end }: Range): Region {
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

function toRelatedLocation(note: RelatedNote, index: number): Location {
  return { id: index + 1, ...toLocation(note.file, note.range), message: { text: note.message } };
}

/** A relative URI reference: each path segment percent-encoded, slashes kept. */
export function toUri(file: string): string {
  return file
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

/**
 * Identity, not position: the same finding keeps its fingerprint when lines move. Findings that
 * share an identity in one file (two parse errors of one document) are told apart by order.
 */
function fingerprint(finding: WorkspaceFinding, file: string, occurrences: Map<string, number>): string {
  const hash = createHash('sha256').update(`${finding.ruleId}\u0000${finding.documentIndex}\u0000${finding.path}\u0000${file}`).digest('hex').slice(0, 32);
  const seen = (occurrences.get(hash) ?? 0) + 1;
  occurrences.set(hash, seen);
  return `${hash}:${seen}`;
}

function toSuppression(s: NonNullable<WorkspaceFinding['suppressed']>): SarifSuppression {
  return { kind: s.via === 'config' ? 'external' : 'inSource', status: 'accepted', ...(s.reason ? { justification: s.reason } : {}) };
}

function pascalCase(id: string): string {
  return id
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function unknownMeta(id: string): RuleMeta {
  return { id, title: id, severity: 'warning', category: 'Unknown', description: id, remediation: '', references: {}, tier: 'strict' };
}
