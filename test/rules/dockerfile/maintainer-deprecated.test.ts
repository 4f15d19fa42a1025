import rule from '../../../rules/dockerfile/maintainer-deprecated';
import { dockerfileRuleTester } from '../../harness/dockerfile-tester';
import { assertChangeGives } from './fix-check';

const MESSAGE = 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors="..." instead.';

dockerfileRuleTester(rule, {
  valid: [{ name: 'OCI label', code: 'FROM a:1\nLABEL org.opencontainers.image.authors="team@example.com"\n' }],
  invalid: [
    { name: 'in the second stage', code: 'FROM a:1 AS b\nFROM b\nMAINTAINER team@example.com\n', errors: [{ range: [2, 0, 2, 10], path: 'stages[1].instructions[0]', message: MESSAGE }] },
  ],
});

describe('maintainer-deprecated fix', () => {
  it('rewrites the instruction as a LABEL, escaping quotes', () => {
    assertChangeGives(rule, 'FROM a:1\nMAINTAINER Jane "J" Doe <j@x.io>\nCMD ["x"]\n', 'FROM a:1\nLABEL org.opencontainers.image.authors="Jane \\"J\\" Doe <j@x.io>"\nCMD ["x"]\n');
  });
  it('works on the last line without a line break', () => {
    assertChangeGives(rule, 'FROM a:1\nmaintainer jane', 'FROM a:1\nLABEL org.opencontainers.image.authors="jane"');
  });
});
