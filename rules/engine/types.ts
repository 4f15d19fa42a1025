/**
 * The engine's vocabulary. Nothing here knows about LSP or VS Code: offsets are UTF-16
 * code unit offsets into the analysed text, and positions are 0-based (the LSP convention),
 * so the server converts nothing but types.
 */

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type Language = 'kubernetes' | 'dockerfile';

/** Which profiles a rule belongs to is derived from these two fields (see profiles.ts). */
export type Tier = 'recommended' | 'strict';
export type PssLevel = 'baseline' | 'restricted';

export interface References {
  /** Pod Security Standards: the level and the control's name as the PSS page spells it. */
  pss?: { level: PssLevel; control: string };
  cis?: string[];
  nsa?: string[];
  kubeLinter?: string[];
  checkov?: string[];
  trivy?: string[];
  polaris?: string[];
  kubesec?: string[];
  kubeScore?: string[];
  hadolint?: string[];
  /** Web pages that explain the risk (Kubernetes docs, CVEs). */
  links?: string[];
}

export interface RuleMeta {
  /** Stable kebab-case id, equal to the file name; used in config, suppressions and output. */
  id: string;
  title: string;
  severity: Severity;
  category: string;
  /** Markdown: what is checked and why it matters. */
  description: string;
  /** Markdown: what to write instead. */
  remediation: string;
  references: References;
  tier: Tier;
}

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

/** A replacement of text[start, end) by newText, offsets into the whole analysed file. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface FixProposal {
  /** Says what the change does, e.g. "Set allowPrivilegeEscalation: false". */
  title: string;
  edits: TextEdit[];
}

export interface RelatedLocation {
  start: number;
  end: number;
  /** The same place as line/character positions (the server converts nothing). */
  range: Range;
  message: string;
}

export interface ObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

export interface Suppression {
  /** How the finding was suppressed. */
  via: 'annotation' | 'comment' | 'config';
  reason?: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Offsets into the whole file. */
  start: number;
  end: number;
  range: Range;
  /** Index of the YAML document in the file (0 for Dockerfiles). */
  documentIndex: number;
  /**
   * Stable identity of what is wrong: a JSON path such as
   * `spec.template.spec.containers[0].securityContext.privileged`. Together with the rule id
   * and document index it keys code actions, suppressions and SARIF fingerprints.
   */
  path: string;
  object?: ObjectRef;
  related?: RelatedLocation[];
  /** Safe to apply without review (fix-all, on save, --fix). */
  fix?: FixProposal;
  /** Might change behaviour: offered as quick fixes only. */
  suggestions?: FixProposal[];
  suppressed?: Suppression;
}

/** The identity of a finding, as one string. */
export function findingKey(f: Pick<Finding, 'ruleId' | 'documentIndex' | 'path'>): string {
  return `${f.ruleId}#${f.documentIndex}#${f.path}`;
}
