import rule from '../../../rules/dockerfile/base-image-untrusted-registry';
import { dockerfileRuleTester } from '../../harness/dockerfile-tester';

const trustedRegistries = ['registry.example.com/', 'ghcr.io/acme/'];

dockerfileRuleTester(rule, {
  valid: [
    { name: 'no list configured', code: 'FROM node:20\n' },
    { name: 'trusted registry and prefix', code: 'FROM registry.example.com/base/node:20\nFROM ghcr.io/acme/tools:1.0 AS t\nFROM scratch\n', trustedRegistries },
    { name: 'stage alias', code: 'FROM registry.example.com/go:1.23 AS build\nFROM build\n', trustedRegistries },
  ],
  invalid: [
    {
      name: 'Docker Hub and another ghcr.io org',
      code: 'FROM node:20 AS a\nFROM ghcr.io/evil/tools:1.0\n',
      trustedRegistries,
      errors: [
        { range: [0, 5, 0, 12], path: 'stages[0].from', message: 'docker.io/library/node is not from a trusted registry (registry.example.com/, ghcr.io/acme/).' },
        { range: [1, 5, 1, 27], path: 'stages[1].from', message: 'ghcr.io/evil/tools is not from a trusted registry (registry.example.com/, ghcr.io/acme/).' },
      ],
    },
  ],
});
