/**
 * snippets/dockerfile.json: each snippet, its placeholders at their defaults, parses cleanly
 * and gets no finding from the rules of the recommended profile. Fragments (no FROM) are
 * checked inside a minimal pinned, non-root Dockerfile.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCKERFILE_RULES } from '../../../rules/dockerfile';
import { analyzeDockerfileText } from '../../../rules/engine/dockerfile/analyze';
import { inProfile } from '../../../rules/engine/profiles';
import { ruleOptions } from '../../harness/rule-tester';
import { syntaxErrors } from './fix-check';

interface Snippet {
  prefix: string[];
  description: string;
  body: string[];
}

const SNIPPETS = JSON.parse(readFileSync(join(__dirname, '../../../snippets/dockerfile.json'), 'utf8')) as Record<string, Snippet>;
const DIGEST = `sha256:${'0'.repeat(64)}`;

/** The text VS Code inserts when every placeholder keeps its default: `${1:x}` -> x, `$0` -> ''. */
function expand(body: readonly string[]): string {
  const text = body.join('\n');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && '\\$}'.includes(text[i + 1])) {
      out += text[++i];
    } else if (c === '$' && text[i + 1] === '{') {
      const close = text.indexOf('}', i);
      const inner = text.slice(i + 2, close);
      out += inner.includes(':') ? inner.slice(inner.indexOf(':') + 1) : '';
      i = close;
    } else if (c === '$' && /\d/.test(text[i + 1] ?? '')) {
      while (/\d/.test(text[i + 1] ?? '')) i++;
    } else {
      out += c;
    }
  }
  return out;
}

function asDockerfile(snippet: string): string {
  if (/^FROM /m.test(snippet)) return snippet;
  const user = /^USER /m.test(snippet) ? '' : 'USER 10001\n';
  return `FROM debian:12-slim@${DIGEST}\n${snippet}${user}`;
}

function findings(text: string, profile: 'recommended' | 'strict'): string[] {
  const rules = DOCKERFILE_RULES.filter((rule) => inProfile(rule.meta, profile)).map((rule) => ({ rule, severity: rule.meta.severity }));
  return analyzeDockerfileText(text, rules, ruleOptions()).map((f) => `${f.ruleId}: ${f.message}`);
}

describe('snippets/dockerfile.json', () => {
  it('holds the hardened Dockerfile and the small blocks, each with a palisade- prefix', () => {
    assert.deepEqual(Object.keys(SNIPPETS), ['Hardened multi-stage Dockerfile', 'Dockerfile non-root user', 'Dockerfile apt-get install', 'Dockerfile apk add']);
    for (const s of Object.values(SNIPPETS)) assert.ok(s.prefix.some((p) => p.startsWith('palisade-')) && s.description.length > 20);
  });
  it('expands placeholders to their defaults', () => {
    assert.equal(expand(['RUN a \\\\', ' && b ${1:x} ${1:x} \\$HOME$0']), 'RUN a \\\n && b x x $HOME');
  });
  for (const [name, snippet] of Object.entries(SNIPPETS)) {
    it(`"${name}" parses and gets no finding from the recommended rules`, () => {
      const text = asDockerfile(expand(snippet.body));
      assert.doesNotMatch(text, /\$\{?\d/);
      assert.deepEqual(syntaxErrors(text), []);
      assert.deepEqual(findings(text, 'recommended'), []);
      assert.deepEqual(findings(text.replace(/\n/g, '\r\n'), 'recommended'), [], 'with CRLF');
    });
  }
  it('the hardened Dockerfile is pinned by digest; strict only asks to pin the apt package version', () => {
    const text = expand(SNIPPETS['Hardened multi-stage Dockerfile'].body);
    assert.deepEqual(findings(text, 'strict'), ['unpinned-package-versions: ca-certificates is installed without a pinned version: pin it so builds are reproducible.']);
  });
});
