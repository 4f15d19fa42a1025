import rule from '../../../rules/dockerfile/base-image-not-pinned';
import { dockerfileRuleTester } from '../../harness/dockerfile-tester';

const DIGEST = 'sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d';

dockerfileRuleTester(rule, {
  valid: [
    { name: 'tag and digest', code: `FROM node:20.18@${DIGEST}\n` },
    { name: 'scratch and a stage alias', code: `FROM golang:1.23@${DIGEST} AS build\nFROM build\nFROM scratch\n` },
    { name: 'digest from an ARG default', code: `ARG IMG=node:20@${DIGEST}\nFROM $IMG\n` },
  ],
  invalid: [
    {
      name: 'tag only, in each external stage',
      code: `FROM golang:1.23 AS build\nFROM build AS test\nFROM gcr.io/distroless/static:nonroot\n`,
      errors: [
        { range: [0, 5, 0, 16], path: 'stages[0].from', message: 'golang:1.23 is not pinned by digest: append @sha256:<digest>.' },
        { range: [2, 5, 2, 37], path: 'stages[2].from', message: 'gcr.io/distroless/static:nonroot is not pinned by digest: append @sha256:<digest>.' },
      ],
    },
  ],
});
