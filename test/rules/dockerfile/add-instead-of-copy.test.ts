import rule from '../../../rules/dockerfile/add-instead-of-copy';
import { dockerfileRuleTester } from '../../harness/dockerfile-tester';
import { assertChangeGives } from './fix-check';

dockerfileRuleTester(rule, {
  valid: [
    { name: 'COPY', code: 'FROM alpine:3.20\nCOPY app.py /app/\n' },
    { name: 'remote URL and git sources', code: 'FROM alpine:3.20\nADD https://x.io/a.txt /a\nADD git@github.com:o/r.git /src\n' },
    { name: 'local tar archive is unpacked', code: 'FROM alpine:3.20\nADD rootfs.tar.gz /\nADD layer.TGZ /opt/\n' },
    { name: 'a variable source may be a URL or an archive', code: 'FROM alpine:3.20\nARG SRC\nADD $SRC /opt/\n' },
  ],
  invalid: [
    {
      name: 'one local file',
      code: 'FROM alpine:3.20\nADD app.py /app/\n',
      errors: [{ range: [1, 0, 1, 3], path: 'stages[0].instructions[0]', message: 'ADD copies local "app.py" here: use COPY, which does only that.' }],
    },
    {
      name: 'several sources, JSON form, in a later stage',
      code: 'FROM golang:1.23 AS build\nRUN go build\nFROM alpine:3.20\nADD ["a b.txt", "c.txt", "/dst/"]\n',
      errors: [{ range: [3, 0, 3, 3], path: 'stages[1].instructions[0]', message: 'ADD copies local files here: use COPY, which does only that.' }],
    },
    {
      name: 'after a line continuation and with flags',
      code: 'FROM alpine:3.20\nRUN echo a \\\n  b\nADD --chown=10001:10001 \\\n  conf/ /etc/app/\n',
      errors: [{ range: [3, 0, 3, 3], message: 'ADD copies local "conf/" here: use COPY, which does only that.' }],
    },
  ],
});

describe('add-instead-of-copy fix', () => {
  it('replaces the keyword only, keeping flags and arguments', () => {
    assertChangeGives(rule, 'FROM alpine:3.20\nADD --chown=10001 app.py /app/\n', 'FROM alpine:3.20\nCOPY --chown=10001 app.py /app/\n');
  });
  it('keeps lower-case keywords lower-case', () => {
    assertChangeGives(rule, 'from alpine:3.20\nadd app.py /app/\n', 'from alpine:3.20\ncopy app.py /app/\n');
  });
});
