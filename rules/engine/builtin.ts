/**
 * Findings the engine itself reports about a file, as opposed to what a rule found in it.
 * They have metadata like rules so that the CLI, SARIF and hovers treat them alike, but
 * no profile can turn them off: a file Palisade could not read must never look clean.
 */
import type { RuleMeta } from './types';

const common = { category: 'Palisade', references: {}, tier: 'recommended' as const };

export const PARSE_ERROR: RuleMeta = {
  ...common,
  id: 'parse-error',
  title: 'The file is not valid YAML or Dockerfile syntax',
  severity: 'error',
  description:
    'The text could not be parsed, so the affected document was not checked. Other documents of the same file are still analysed.',
  remediation: 'Fix the syntax error at the reported location; `kubectl apply` would reject the document too.',
};

export const FILE_NOT_ANALYZED: RuleMeta = {
  ...common,
  id: 'file-not-analyzed',
  title: 'The file was not analysed',
  severity: 'warning',
  description:
    'Palisade skipped this file or document on purpose: it is binary, larger than the size limit, or expands too many YAML aliases to analyse safely.',
  remediation: 'Split very large files, or exclude generated files with `exclude` in `.palisade.yaml`.',
};

export const TEMPLATE_NOT_ANALYZED: RuleMeta = {
  ...common,
  id: 'template-not-analyzed',
  severity: 'info',
  title: 'Template that is not plain YAML',
  description:
    'The file contains template directives (`{{ }}`, as in Helm charts) that make it invalid YAML, so it was not checked. Reporting its syntax errors would only be noise.',
  remediation:
    'Render the chart and scan the output: `helm template my-release ./chart | palisade scan -`.',
};

export const INTERNAL_ERROR: RuleMeta = {
  ...common,
  id: 'internal-error',
  title: 'A rule failed on this file',
  severity: 'error',
  description: 'A rule threw an exception while checking this file. The other rules still ran. This is a bug in Palisade.',
  remediation: 'Please report it with the smallest file that reproduces it.',
};

export const BUILTIN_META: readonly RuleMeta[] = [PARSE_ERROR, FILE_NOT_ANALYZED, TEMPLATE_NOT_ANALYZED, INTERNAL_ERROR];
