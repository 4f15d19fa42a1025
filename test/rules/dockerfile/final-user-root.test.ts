import rule from '../../../rules/dockerfile/final-user-root';
import { deepEqual } from 'node:assert/strict';
import { dockerfile, dockerfileRuleTester, runDockerfileRule } from '../../harness/dockerfile-tester';
import { assertChangeGives } from './fix-check';

dockerfileRuleTester(rule, {
  valid: [
    { name: 'numeric user', code: 'FROM alpine:3.20\nUSER 10001\nCMD ["app"]\n' },
    { name: 'root in the build stage only', code: 'FROM golang:1.23 AS build\nUSER root\nRUN go build\nFROM gcr.io/distroless/static:nonroot\nUSER 65532:65532\n' },
    { name: 'root then back to a user', code: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n' },
    { name: 'USER inherited from the stage the final stage is built on', code: 'FROM node:20 AS base\nUSER 1000\nFROM base\nCMD ["node"]\n' },
    { name: 'base image tagged nonroot', code: 'FROM golang:1.23 AS build\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n' },
    { name: 'variable user', code: 'FROM alpine:3.20\nUSER ${APP_UID}\n' },
    { name: 'Windows ContainerUser', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n' },
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
      name: 'Windows ContainerAdministrator',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerAdministrator\n',
      errors: [{ range: [1, 5, 1, 27], message: 'The final USER is ContainerAdministrator, so the container runs with administrator rights. Switch to USER ContainerUser.' }],
    },
    {
      name: 'root in the stage the final stage is built on',
      code: 'FROM alpine:3.20 AS base\nUSER 0:0\nFROM base\n',
      errors: [{ range: [1, 5, 1, 8], path: 'stages[0].instructions[0]', message: 'The final USER is 0:0, so the container runs as root. Switch to a non-root numeric user such as USER 10001.' }],
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

describe('final-user-root suggestion: add USER 10001', () => {
  it('goes before CMD/ENTRYPOINT, with their indentation', () => {
    assertChangeGives(rule, 'FROM node:20\nCOPY . /app\n  ENTRYPOINT ["node"]\nCMD ["/app"]\n', 'FROM node:20\nCOPY . /app\n  USER 10001\n  ENTRYPOINT ["node"]\nCMD ["/app"]\n', 'suggestion');
  });
  it('goes after USER root when the CMD comes before it', () => {
    assertChangeGives(rule, 'FROM alpine:3.20\nCMD ["app"]\nUSER root\nRUN apk add --no-cache curl\n', 'FROM alpine:3.20\nCMD ["app"]\nUSER root\nRUN apk add --no-cache curl\nUSER 10001\n', 'suggestion');
  });
  it('goes at the end, adding the missing line break, when there is no CMD', () => {
    assertChangeGives(rule, 'FROM golang:1.23 AS build\nCMD ["x"]\nFROM alpine:3.20\nCOPY --from=build /app /app', 'FROM golang:1.23 AS build\nCMD ["x"]\nFROM alpine:3.20\nCOPY --from=build /app /app\nUSER 10001\n', 'suggestion');
  });
  it('adds USER ContainerUser to a Windows image', () => {
    assertChangeGives(rule, '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["app.exe"]\n', '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerUser\nCMD ["app.exe"]\n', 'suggestion');
  });
  it('goes in the final stage when root comes from the parent stage', () => {
    assertChangeGives(rule, 'FROM alpine:3.20 AS base\nUSER root\nFROM base\nCMD ["app"]\n', 'FROM alpine:3.20 AS base\nUSER root\nFROM base\nUSER 10001\nCMD ["app"]\n', 'suggestion');
  });
});
