import rule from '../../../rules/dockerfile/tls-verification-disabled';
import assert from 'node:assert/strict';
import { dockerfileRuleTester, runDockerfileRule } from '../../harness/dockerfile-tester';
import { assertChangeGives } from './fix-check';

dockerfileRuleTester(rule, {
  valid: [
    { name: 'verified downloads', code: 'FROM alpine:3.20\nRUN curl -fsSL https://x.io/a -o a && wget https://x.io/b\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n' },
    { name: 'a -k inside a quoted string', code: 'FROM alpine:3.20\nRUN echo "curl -k is bad"\n' },
    { name: 'kubectl -k is not curl', code: 'FROM alpine:3.20\nRUN kubectl apply -k overlays/prod\n' },
    { name: 'k as the value of -o is a file name', code: 'FROM alpine:3.20\nRUN curl -fsSLok https://x.io/a && curl -o -k https://x.io/b\n' },
    { name: 'env value that keeps verification on', code: 'FROM alpine:3.20\nENV GIT_SSL_NO_VERIFY=false PYTHONHTTPSVERIFY=1\n' },
  ],
  invalid: [
    {
      name: 'curl -k inside an option bundle',
      code: 'FROM alpine:3.20\nRUN curl -fsSLk https://x.io/a -o a\n',
      errors: [{ range: [1, 9, 1, 15], message: 'Curl -k/--insecure accepts any certificate. Remove it; trust a private CA by adding it to the image instead.' }],
    },
    {
      name: 'wget, pip, npm, git and yum forms',
      code: [
        'FROM python:3.12',
        'RUN wget --no-check-certificate https://x.io/a',
        'RUN pip install --trusted-host pypi.corp requests',
        'RUN npm config set strict-ssl false && git config --global http.sslVerify false',
        'RUN yum --setopt=sslverify=0 install -y curl',
        '',
      ].join('\n'),
      errors: [
        { range: [1, 9, 1, 31], message: /^Wget --no-check-certificate/ },
        { range: [2, 16, 2, 30], message: /^Pip --trusted-host/ },
        { range: [3, 19, 3, 29], message: /^Npm strict-ssl false/ },
        { range: [3, 59, 3, 73], message: /^Git http.sslVerify false/ },
        { range: [4, 8, 4, 28], message: /^Yum sslverify=0/ },
      ],
    },
    {
      name: 'through sudo and env, in a heredoc, and in exec form',
      code: 'FROM alpine:3.20\nRUN <<EOF\nsudo env A=1 curl --insecure https://x.io\nEOF\nRUN ["wget", "--no-check-certificate", "https://x.io"]\n',
      errors: [
        { range: [2, 18, 2, 28], path: 'stages[0].instructions[0]', message: /^Curl -k\/--insecure/ },
        { range: [4, 13, 4, 37], path: 'stages[0].instructions[1]', message: /^Wget --no-check-certificate/ },
      ],
    },
    {
      name: 'ENV and inline assignments',
      code: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN GIT_SSL_NO_VERIFY=true git clone https://x.io/r\n',
      errors: [
        { range: [1, 4, 1, 34], message: /for every container started from the image/ },
        { range: [2, 4, 2, 26], message: /^GIT_SSL_NO_VERIFY=true disables/ },
      ],
    },
  ],
});

describe('tls-verification-disabled suggestion: remove the option', () => {
  it('removes only the k of a bundle', () => {
    assertChangeGives(rule, 'FROM alpine:3.20\nRUN curl -fsSLk https://x.io/a -o a\n', 'FROM alpine:3.20\nRUN curl -fsSL https://x.io/a -o a\n', 'suggestion');
  });
  it('removes a whole option and the blank before it', () => {
    assertChangeGives(rule, 'FROM alpine:3.20\nRUN curl -k https://x.io/a && echo -k\n', 'FROM alpine:3.20\nRUN curl https://x.io/a && echo -k\n', 'suggestion');
    assertChangeGives(rule, 'FROM alpine:3.20\nRUN wget -q --no-check-certificate https://x.io/b\n', 'FROM alpine:3.20\nRUN wget -q https://x.io/b\n', 'suggestion');
  });
  it('removes an option at the start of a continued line with the blank after it', () => {
    assertChangeGives(rule, 'FROM alpine:3.20\nRUN curl -fsSL \\\n    --insecure https://x.io/a\n', 'FROM alpine:3.20\nRUN curl -fsSL \\\n    https://x.io/a\n', 'suggestion');
  });
  it('offers no edit in exec form or for settings that need a CA instead', () => {
    const findings = runDockerfileRule(rule, 'FROM python:3.12\nRUN ["curl", "-k", "https://x.io"]\nRUN pip install --trusted-host pypi.corp requests\n');
    assert.deepEqual(findings.map((f) => f.suggestions), [undefined, undefined]);
  });
});
