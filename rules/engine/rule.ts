/**
 * The rule API. A rule is one file with one default export: metadata plus a check.
 * Rules report on NodeRefs (see yaml/nav.ts); the runner turns reports into findings with
 * ranges, paths, object identity, severity and suppression.
 */
import type { RuleMeta, TextEdit } from './types';
import type { K8sObject } from './kubernetes/object';
import type { NodeRef } from './yaml/nav';
import type { KubernetesVersion } from './version';
import type { DockerfileModel } from './dockerfile/model';

/** Options every rule can read; they come from the config file and the CLI or editor. */
export interface RuleOptions {
  kubernetesVersion: KubernetesVersion;
  /** Registry prefixes images may come from; empty means "no list configured". */
  trustedRegistries: readonly string[];
}

/** A fix or suggestion as the rule declares it: edits relative to the document's text. */
export interface ProposedChange {
  title: string;
  edits: TextEdit[];
}

/**
 * A value, or a function that computes it. Rules pass fixes and suggestions as functions
 * when building them costs real work (finding the indentation, re-parsing the result): the
 * engine then computes them only when something asks (a code action, fix-all, a test), never
 * on the per-keystroke path.
 */
export type Lazy<T> = T | (() => T);

/** The changes a report proposes, possibly lazily. */
export interface ProposedChanges {
  /** Safe to apply without review: fix-all, on save, `--fix`. */
  fix?: Lazy<ProposedChange | undefined>;
  /** Might change behaviour: offered as quick fixes only, each titled with what it changes. */
  suggestions?: Lazy<ProposedChange[] | undefined>;
}

export interface KubernetesReport extends ProposedChanges {
  /** The most precise node: the offending value, else the owner (container name, kind). */
  at: NodeRef;
  message: string;
  /** Other places that explain the finding (e.g. the pod-level setting a container inherits). */
  related?: Array<{ at: NodeRef; message: string }>;
}

export interface KubernetesRuleContext {
  readonly object: K8sObject;
  readonly options: RuleOptions;
  /** The document's text; edits are offsets into it. */
  readonly text: string;
  report(report: KubernetesReport): void;
}

export interface KubernetesRule {
  readonly language: 'kubernetes';
  readonly meta: RuleMeta;
  /** Kinds the rule looks at; when omitted the rule sees every Kubernetes object. */
  readonly kinds?: readonly string[];
  check(context: KubernetesRuleContext): void;
}

/** A Kubernetes object somewhere in the scanned files, as workspace rules see it. */
export interface WorkspaceObject {
  /** The file's path (CLI) or URI (language server), as given to analyzeWorkspace. */
  file: string;
  documentIndex: number;
  object: K8sObject;
  /** The text of the object's document (its segment of the file): report edits are offsets into it. */
  readonly text?: string;
}

export interface WorkspaceRuleContext {
  /** Every Kubernetes object of every analysed file (the workspace index). */
  readonly objects: readonly WorkspaceObject[];
  readonly options: RuleOptions;
  /** Reports on an object; `related` may point into other objects' files. */
  report(target: WorkspaceObject, report: KubernetesReport & { related?: Array<{ at: NodeRef; message: string; in?: WorkspaceObject }> }): void;
}

/**
 * A rule that looks across objects and files (NetworkPolicy coverage, missing Services,
 * RBAC chains). It runs after the per-file rules, over the workspace index.
 */
export interface WorkspaceRule {
  readonly language: 'kubernetes-workspace';
  readonly meta: RuleMeta;
  /**
   * The kinds whose YAML nodes (`root`, `metadata`, `kindRef`, `podSpec`) the rule reads; of
   * every other kind it reads only facts (kind, names, labels, annotations). The language
   * server keeps the nodes of these kinds in memory and reads the others again from their text
   * when asked, so a kind left out still works, only slowly (a test checks the lists).
   */
  readonly reads: readonly string[];
  check(context: WorkspaceRuleContext): void;
}

export interface DockerfileReport extends ProposedChanges {
  /** Offsets into the Dockerfile's text. */
  start: number;
  end: number;
  message: string;
  /** Stable identity of the offending instruction, e.g. `stages[1].instructions[4]` (see instructionPath). */
  path: string;
  related?: Array<{ start: number; end: number; message: string }>;
}

export interface DockerfileRuleContext {
  readonly dockerfile: DockerfileModel;
  readonly options: RuleOptions;
  readonly text: string;
  report(report: DockerfileReport): void;
}

export interface DockerfileRule {
  readonly language: 'dockerfile';
  readonly meta: RuleMeta;
  check(context: DockerfileRuleContext): void;
}

export type Rule = KubernetesRule | WorkspaceRule | DockerfileRule;

export function defineDockerfileRule(rule: Omit<DockerfileRule, 'language'>): DockerfileRule {
  return { language: 'dockerfile', ...rule };
}

export function defineKubernetesRule(rule: Omit<KubernetesRule, 'language'>): KubernetesRule {
  return { language: 'kubernetes', ...rule };
}

export function defineWorkspaceRule(rule: Omit<WorkspaceRule, 'language'>): WorkspaceRule {
  return { language: 'kubernetes-workspace', ...rule };
}
