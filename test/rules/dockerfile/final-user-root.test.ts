import rule from '../../../rules/dockerfile/final-user-root';
import { deepEqual } from 'node:assert/strict';
import { dockerfile, dockerfileRuleTester, runDockerfileRule } from '../../harness/dockerfile-tester';

dockerfileRuleTester(rule, {
  valid: [
    { name: 'numeric user', code: 'FROM alpine:3.20\nUSER 10001\nCMD ["app"]\n' },
    { name: 'root in the build stage only', code: 'FROM golang:1.23 AS build\nUSER root\nRUN go build\nFROM gcr.io/distroless/static:nonroot\nUSER 65532:65532\n' },
    { name: 'root then back to a user', code: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n' },
  ],
  invalid: [
    {
      name: 'no USER at all',
      code: 'FROM node:20\nCOPY . /app\nCMD ["node", "/app"]\n',
      errors: [{ range: [0, 0, 0, 4], path: 'stages[0].from', message: /sets no USER/ }],
    },
    {
      name: 'last USER root:root in the final stage',
      code: dockerfile`
        FROM node:20 AS build
        USER node
        FROM node:20-slim
        USER node
        RUN npm ci
        USER root:root
      `,
      errors: [{ range: [5, 5, 5, 14], path: 'stages[1].instructions[2]', message: 'The final USER is root:root, so the container runs as root. Switch to a non-root numeric user such as USER 10001.' }],
    },
    {
      name: 'USER 0 with a line continuation before it, suppressed elsewhere',
      code: 'FROM alpine:3.20\n# palisade-ignore some-other-rule\nUSER \\\n  0\n',
      errors: [{ range: [3, 2, 3, 3], message: /final USER is 0/ }],
    },
  ],
});

describe('final-user-root suppression', () => {
  it('a comment above the USER line suppresses it', () => {
    deepEqual(runDockerfileRule(rule, 'FROM alpine:3.20\n# palisade-ignore final-user-root -- init container image\nUSER root\n'), []);
    deepEqual(runDockerfileRule(rule, '# palisade-ignore-file final-user-root\nFROM alpine:3.20\n'), []);
  });
});
