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

export interface KubernetesReport {
  /** The most precise node: the offending value, else the owner (container name, kind). */
  at: NodeRef;
  message: string;
  /** Other places that explain the finding (e.g. the pod-level setting a container inherits). */
  related?: Array<{ at: NodeRef; message: string }>;
  fix?: ProposedChange;
  suggestions?: ProposedChange[];
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
  check(context: WorkspaceRuleContext): void;
}

export interface DockerfileReport {
  /** Offsets into the Dockerfile's text. */
  start: number;
  end: number;
  message: string;
  /** Stable identity of the offending instruction, e.g. `stages[1].instructions[4]` (see instructionPath). */
  path: string;
  related?: Array<{ start: number; end: number; message: string }>;
  fix?: ProposedChange;
  suggestions?: ProposedChange[];
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
