/**
 * Inline suppression. Two forms, both carrying an optional reason:
 *
 *  - on the object (Kubernetes): annotations
 *      palisade.dev/ignore: "host-network, host-pid"     (or "*" for every rule)
 *      palisade.dev/ignore-reason: "CNI agent needs the host network"
 *  - as a comment, in YAML and Dockerfiles:
 *      # palisade-ignore host-network -- reason          on the offending line or the line(s) above
 *      # palisade-ignore-file host-network -- reason     anywhere: the whole file
 *
 * A suppressed finding is kept, marked with how it was suppressed, so reports can list it.
 */
import type { Suppression } from './types';

export const IGNORE_ANNOTATION = 'palisade.dev/ignore';
export const IGNORE_REASON_ANNOTATION = 'palisade.dev/ignore-reason';

export interface SuppressionDirective {
  /** Rule ids, or '*' for every rule. */
  rules: ReadonlySet<string>;
  reason?: string;
}

export function parseRuleList(text: string): Set<string> {
  return new Set(
    text
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

export function matchesDirective(directive: SuppressionDirective, ruleId: string): boolean {
  return directive.rules.has('*') || directive.rules.has(ruleId);
}

const COMMENT_DIRECTIVE = /(?:^|\s)#\s*palisade-ignore(-file)?(?:[ \t]+([^\r\n]*?))?\s*$/;

function parseDirective(body: string | undefined): SuppressionDirective {
  const [ids, ...reason] = (body ?? '').split(/\s+--\s*/);
  const rules = parseRuleList(ids ?? '');
  const text = reason.join(' -- ').trim();
  return { rules: rules.size === 0 ? new Set(['*']) : rules, ...(text ? { reason: text } : {}) };
}

/** The comment directives of a text, by 0-based line, plus the file-wide ones. */
export class CommentSuppressions {
  private readonly byLine = new Map<number, SuppressionDirective>();
  private readonly commentOnly = new Set<number>();
  readonly fileWide: SuppressionDirective[] = [];

  constructor(text: string, commentPrefix = '#') {
    if (!text.includes('palisade-ignore')) return;
    const lines = text.split(/\r?\n|\r/);
    lines.forEach((line, index) => {
      if (line.trimStart().startsWith(commentPrefix)) this.commentOnly.add(index);
      if (!line.includes('palisade-ignore')) return;
      const match = COMMENT_DIRECTIVE.exec(line);
      if (!match) return;
      const directive = parseDirective(match[2]);
      if (match[1]) this.fileWide.push(directive);
      else this.byLine.set(index, directive);
    });
  }

  get isEmpty(): boolean {
    return this.byLine.size === 0 && this.fileWide.length === 0;
  }

  /** A directive on the finding's line, or in the run of comment lines just above it. */
  find(ruleId: string, line: number): Suppression | undefined {
    for (const directive of this.fileWide) {
      if (matchesDirective(directive, ruleId)) return toSuppression('comment', directive);
    }
    const same = this.byLine.get(line);
    if (same && matchesDirective(same, ruleId)) return toSuppression('comment', same);
    for (let above = line - 1; above >= 0 && this.commentOnly.has(above); above--) {
      const directive = this.byLine.get(above);
      if (directive && matchesDirective(directive, ruleId)) return toSuppression('comment', directive);
    }
    return undefined;
  }
}

export function annotationDirective(annotations: Record<string, string>): SuppressionDirective | undefined {
  const ids = annotations[IGNORE_ANNOTATION];
  if (ids === undefined) return undefined;
  const reason = annotations[IGNORE_REASON_ANNOTATION]?.trim();
  const rules = parseRuleList(ids);
  return { rules: rules.size === 0 ? new Set(['*']) : rules, ...(reason ? { reason } : {}) };
}

export function toSuppression(via: Suppression['via'], directive: SuppressionDirective): Suppression {
  return directive.reason ? { via, reason: directive.reason } : { via };
}
