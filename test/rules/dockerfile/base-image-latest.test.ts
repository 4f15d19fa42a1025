import assert from 'node:assert/strict';
import rule from '../../../rules/dockerfile/base-image-latest';
import { dockerfileRuleTester, runDockerfileRule } from '../../harness/dockerfile-tester';
import { assertChangeGives } from './fix-check';

dockerfileRuleTester(rule, {
  valid: [
    { name: 'version tag', code: 'FROM node:20.18-alpine3.20\n' },
    { name: 'digest only', code: 'FROM node@sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d\n' },
    { name: 'scratch and stage aliases', code: 'FROM golang:1.23 AS build\nFROM build AS test\nFROM scratch\nCOPY --from=build /app /app\n' },
    { name: 'ARG default with a tag', code: 'ARG BASE=node\nARG TAG=20\nFROM ${BASE}:${TAG}\n' },
    { name: 'unresolved variable is not guessed', code: 'ARG BASE\nFROM $BASE\n' },
  ],
  invalid: [
    {
      name: 'untagged, with --platform and an alias',
      code: 'FROM --platform=$BUILDPLATFORM node AS build\n',
      errors: [{ range: [0, 31, 0, 35], path: 'stages[0].from', message: 'node has no tag (it means latest): pin a version tag, e.g. FROM node:<version>.' }],
    },
    {
      name: 'latest in a registry with a port',
      code: 'FROM alpine:3.20 AS a\nFROM localhost:5000/team/app:latest\n',
      errors: [{ range: [1, 5, 1, 35], path: 'stages[1].from', message: 'localhost:5000/team/app:latest uses the latest tag: pin a version tag, e.g. FROM localhost:5000/team/app:<version>.' }],
    },
    {
      name: 'ARG substitution into FROM',
      code: 'ARG BASE=node\nFROM ${BASE}\n',
      errors: [{ range: [1, 5, 1, 12], message: 'node has no tag (it means latest): pin a version tag, e.g. FROM node:<version>.' }],
    },
  ],
});

describe('base-image-latest suggestion', () => {
  it('replaces latest with a VERSION placeholder', () => {
    assertChangeGives(rule, 'FROM node:latest AS build\n', 'FROM node:VERSION AS build\n', 'suggestion');
  });
  it('adds a VERSION placeholder to an untagged image', () => {
    assertChangeGives(rule, 'FROM busybox\n', 'FROM busybox:VERSION\n', 'suggestion');
  });
  it('offers no edit when the latest tag comes from an ARG default', () => {
    const [finding] = runDockerfileRule(rule, 'ARG BASE=node:latest\nFROM ${BASE}\n');
    assert.equal(finding.message, 'node:latest uses the latest tag: pin a version tag, e.g. FROM node:<version>.');
    assert.equal(finding.suggestions, undefined);
  });
});
