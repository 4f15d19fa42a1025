/**
 * The snippets in `snippets/kubernetes.json` are the single source of the blocks that fixes
 * insert (securityContext settings, resources, the default-deny NetworkPolicy): a fix takes
 * the snippet's body with every placeholder replaced by its default, so the editor's snippet
 * and the quick fix can never drift apart.
 */
import { parse } from 'yaml';
import snippets from '../../../snippets/kubernetes.json';
import type { YamlObject } from '../../engine/yaml/edits';

export type SnippetName = keyof typeof snippets;

export const SNIPPET_NAMES = Object.keys(snippets) as SnippetName[];

// ${1:default}, ${1|first,second|}, ${1} and $1 (VS Code snippet syntax).
const PLACEHOLDER = /\$\{(\d+):([^}]*)\}|\$\{(\d+)\|([^,|]*)[^}]*\|\}|\$\{\d+\}|\$\d+/g;

/**
 * The snippet's body as plain text (`\n` line breaks): placeholders become their default
 * (or first choice), or `values[default]` when given, and tab stops disappear. Lines that
 * held nothing but a tab stop (`$0`) are dropped.
 */
export function snippetText(name: SnippetName, values: Readonly<Record<string, string>> = {}): string {
  return expandSnippetBody(snippets[name].body, values);
}

export function expandSnippetBody(body: readonly string[], values: Readonly<Record<string, string>> = {}): string {
  return body
    .filter((line) => !/^\s*\$\{?0\}?\s*$/.test(line))
    .map((line) =>
      line.replace(PLACEHOLDER, (_m, _n1: string | undefined, def: string | undefined, _n2: string | undefined, choice: string | undefined) => {
        const fallback = def ?? choice ?? '';
        return values[fallback] ?? fallback;
      }),
    )
    .join('\n');
}

/** The snippet's body, expanded with its defaults, as data (YAML 1.1, as Kubernetes reads it). */
export function snippetObject(name: SnippetName): YamlObject {
  return parse(snippetText(name), { version: '1.1' }) as YamlObject;
}
