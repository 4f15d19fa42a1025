/**
 * The report for people: one line per finding, `path:line:col  severity  rule-id  message`
 * (1-based, so terminals and editors can jump to it), grouped per file, then a summary.
 * Related locations follow their finding as indented `note: path:line:col  message` lines,
 * like a compiler's notes.
 */
import type { Severity } from '../../../rules/engine/types';
import type { WorkspaceFinding } from '../../../rules/engine/workspace';
import type { ScanResult, ScanSummary } from '../workspace/scan';
import { relatedNotes, type RelatedNote } from './related';

export interface TextFormatOptions {
  color: boolean;
  /** List suppressed findings too, with how and why they were suppressed. */
  showSuppressed: boolean;
  /** Only findings at least this severe are listed and the summary is left out (`--quiet`). */
  quietBelow?: Severity;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}

type Paint = (code: string, text: string) => string;

export function formatText(result: ScanResult, options: TextFormatOptions): string {
  const paint: Paint = options.color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_code, text) => text;
  const groups: string[] = [];
  for (const file of result.files) {
    const shown = file.findings.filter((f) => isShown(f, options));
    if (shown.length > 0) groups.push(formatGroup(file.file, shown, paint));
  }
  const parts = groups.length > 0 ? [groups.join('\n\n')] : [];
  if (options.quietBelow === undefined) parts.push(formatSummary(result.summary, options.showSuppressed, paint));
  return parts.length > 0 ? `${parts.join('\n\n')}\n` : '';
}

function isShown(f: WorkspaceFinding, options: TextFormatOptions): boolean {
  if (f.suppressed) return options.showSuppressed && options.quietBelow === undefined;
  return options.quietBelow === undefined || atLeast(f.severity, options.quietBelow);
}

function formatGroup(file: string, findings: readonly WorkspaceFinding[], paint: Paint): string {
  const locations = findings.map((f) => `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}`);
  const locationWidth = Math.max(...locations.map((l) => l.length));
  const ruleWidth = Math.max(...findings.map((f) => f.ruleId.length));
  return findings
    .map((f, i) => {
      const severity = paintSeverity(f.severity, paint);
      const columns = [
        locations[i].padEnd(locationWidth),
        severity + ' '.repeat('warning'.length - f.severity.length),
        paint('2', f.ruleId.padEnd(ruleWidth)),
        f.message,
      ];
      const line = columns.join('  ');
      const notes = relatedNotes(f, file).map((note) => formatNote(note, paint));
      return [f.suppressed ? `${line}  ${paint('2', `(suppressed by ${describeSuppression(f)})`)}` : line, ...notes].join('\n');
    })
    .join('\n');
}

function formatNote(note: RelatedNote, paint: Paint): string {
  const where = `${note.file}:${note.range.start.line + 1}:${note.range.start.character + 1}`;
  return `  ${paint('1', 'note:')} ${where}  ${note.message}`;
}

function describeSuppression(f: WorkspaceFinding): string {
  const via = f.suppressed!.via === 'config' ? 'the config' : `an ${f.suppressed!.via === 'annotation' ? 'annotation' : 'inline comment'}`;
  return f.suppressed!.reason ? `${via}: ${f.suppressed!.reason}` : `${via}, no reason given`;
}

function paintSeverity(severity: Severity, paint: Paint): string {
  const code = severity === 'error' ? '31' : severity === 'warning' ? '33' : '36';
  return paint(code, severity);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 || word === 'info' ? '' : 's'}`;
}

function formatSummary(summary: ScanSummary, showSuppressed: boolean, paint: Paint): string {
  const files = plural(summary.files, 'file');
  const suppressedNote =
    summary.suppressed === 0 ? '' : `; ${summary.suppressed} suppressed${showSuppressed ? '' : ' (--show-suppressed lists them)'}`;
  if (summary.findings === 0) return `${paint('32', 'No problems')} found in ${files} scanned${suppressedNote}.`;
  const counts = (['error', 'warning', 'info'] as const).map((s) => plural(summary.bySeverity[s], s)).join(', ');
  const headline = paint('1', `${plural(summary.findings, 'problem')}`);
  return `${headline} (${counts}) in ${files} scanned${suppressedNote}.`;
}
