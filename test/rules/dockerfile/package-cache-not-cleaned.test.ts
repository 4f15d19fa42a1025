import assert from 'node:assert/strict';
import rule from '../../../rules/dockerfile/package-cache-not-cleaned';
import { dockerfileRuleTester, runDockerfileRule } from '../../harness/dockerfile-tester';
import { assertChangeGives } from './fix-check';

const APT = 'apt-get install leaves /var/lib/apt/lists in the layer: add && rm -rf /var/lib/apt/lists/* to the same RUN.';

dockerfileRuleTester(rule, {
  valid: [
    { name: 'apt lists removed in the same RUN', code: 'FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y --no-install-recommends curl \\\n  && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'apk --no-cache and --no-network', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN apk add --no-network --virtual .rundeps $deps\n' },
    { name: 'dnf clean all and pip --no-cache-dir', code: 'FROM fedora:40\nRUN dnf install -y git && dnf clean all\nRUN pip install --no-cache-dir requests\n' },
    { name: 'PIP_NO_CACHE_DIR in ENV of the base stage', code: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install requests\n' },
    { name: 'BuildKit cache mount', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get install -y curl\n' },
    { name: 'caches in a build stage never ship', code: 'FROM debian:12 AS build\nRUN apt-get install -y gcc\nFROM scratch\nCOPY --from=build /out /out\n' },
  ],
  invalid: [
    { name: 'apt-get', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n', errors: [{ range: [1, 30, 1, 37], path: 'stages[0].instructions[0]', message: APT }] },
    {
      name: 'apk, yum through sudo, zypper and pip',
      code: 'FROM a:1\nRUN apk add curl\nRUN sudo yum install -y git\nRUN zypper in -y vim\nRUN pip3 install flask\n',
      errors: [
        { range: [1, 8, 1, 11], message: 'apk add keeps its index cache in the layer: use apk add --no-cache.' },
        { range: [2, 13, 2, 20], message: 'yum install leaves its cache in the layer: add && yum clean all to the same RUN.' },
        { range: [3, 11, 3, 13], message: 'zypper install leaves its cache in the layer: add && zypper clean -a to the same RUN.' },
        { range: [4, 9, 4, 16], message: 'pip install keeps its download cache in the layer: add --no-cache-dir.' },
      ],
    },
  ],
});

describe('package-cache-not-cleaned fixes', () => {
  it('appends the apt lists cleanup after the install command', () => {
    assertChangeGives(
      rule,
      'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    curl \\\n    wget; echo done\n',
      'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    curl \\\n    wget && rm -rf /var/lib/apt/lists/*; echo done\n',
    );
  });
  it('adds --no-cache to apk add and --no-cache-dir to pip install', () => {
    assertChangeGives(rule, 'FROM alpine:3.20\nRUN apk add curl\n', 'FROM alpine:3.20\nRUN apk add --no-cache curl\n');
    assertChangeGives(rule, 'FROM python:3.12\nRUN <<EOF\npip install flask\nEOF\n', 'FROM python:3.12\nRUN <<EOF\npip install --no-cache-dir flask\nEOF\n');
  });
  it('offers no fix inside an exec-form RUN, where shell text cannot be spliced', () => {
    const [finding] = runDockerfileRule(rule, 'FROM alpine:3.20\nRUN ["apk", "add", "curl"]\n');
    assert.equal(finding.message, 'apk add keeps its index cache in the layer: use apk add --no-cache.');
    assert.equal(finding.fix, undefined);
  });
});
