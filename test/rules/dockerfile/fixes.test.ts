/**
 * The guarantee of every Dockerfile fix and suggestion, checked over fixtures that mix the
 * tricky syntax: after applying any one change, the file parses as well as before, the
 * finding is gone and no rule reports anything new.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allFindings, assertSafeChange } from './fix-check';

const FIXTURES: Record<string, string> = {
  'examples/Dockerfile': readFileSync(join(__dirname, '../../../examples/Dockerfile'), 'utf8'),
  'continuations and comment lines': [
    'FROM debian:latest',
    'RUN apt-get update \\',
    '  # tools for the build',
    '  && apt install \\',
    '     curl wget \\',
    '  && curl -fsSLk https://x.io/a -o /a',
    'add conf/ /etc/app/',
    'CMD ["app"]',
    '',
  ].join('\n'),
  'backtick escape, no final line break': '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nADD tools C:\\tools\nRUN curl.exe -k https://x.io/a `\n    -o a.zip',
  'heredocs and exec form': [
    '# syntax=docker/dockerfile:1',
    'FROM python:3.12 AS build',
    'RUN <<EOF',
    'pip install flask',
    'apk add curl',
    'EOF',
    'FROM alpine:3.20',
    'RUN ["sh", "-c", "apk add curl && wget --no-check-certificate https://x.io/b"]',
    'MAINTAINER ops',
    'USER root',
    'ENTRYPOINT ["/app"]',
    '',
  ].join('\n'),
  'CRLF multi-stage with ARG base': 'ARG BASE=node\r\nFROM ${BASE} AS deps\r\nRUN pip install -r req.txt\r\nFROM deps\r\nRUN apt-get install curl; echo done\r\nCMD ["node"]\r\n',
};

describe('Dockerfile fixes and suggestions are safe', () => {
  for (const [name, text] of Object.entries(FIXTURES)) {
    it(`every change on "${name}"`, () => {
      const changes = allFindings(text).flatMap((f) => [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])].map((change) => ({ finding: f, change })));
      assert.ok(changes.length >= 3, `${name}: expected fixable findings, got ${changes.length}`);
      for (const { finding, change } of changes) assertSafeChange(text, finding, change);
    });
  }
});
