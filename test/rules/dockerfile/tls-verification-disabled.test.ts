import rule from '../../../rules/dockerfile/tls-verification-disabled';
import { dockerfileRuleTester } from '../../harness/dockerfile-tester';

dockerfileRuleTester(rule, {
  valid: [
    { name: 'verified downloads', code: 'FROM alpine:3.20\nRUN curl -fsSL https://x.io/a -o a && wget https://x.io/b\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n' },
    { name: 'a -k inside a quoted string', code: 'FROM alpine:3.20\nRUN echo "curl -k is bad"\n' },
    { name: 'kubectl -k is not curl', code: 'FROM alpine:3.20\nRUN kubectl apply -k overlays/prod\n' },
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
      name: 'ENV and inline assignments',
      code: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN GIT_SSL_NO_VERIFY=true git clone https://x.io/r\n',
      errors: [
        { range: [1, 4, 1, 34], message: /for every container started from the image/ },
        { range: [2, 4, 2, 26], message: /^GIT_SSL_NO_VERIFY=true disables/ },
      ],
    },
  ],
});
