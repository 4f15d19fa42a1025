import rule from '../../../rules/dockerfile/missing-healthcheck';
import { dockerfileRuleTester } from '../../harness/dockerfile-tester';

const MESSAGE = 'The final stage has no HEALTHCHECK: add one, or HEALTHCHECK NONE to say none is wanted.';

dockerfileRuleTester(rule, {
  valid: [
    { name: 'healthcheck in the final stage', code: 'FROM a:1\nHEALTHCHECK --interval=30s CMD ["/app", "health"]\n' },
    { name: 'explicit NONE', code: 'FROM a:1 AS build\nFROM b:1\nHEALTHCHECK NONE\n' },
    { name: 'empty file', code: '# nothing yet\n' },
  ],
  invalid: [
    {
      name: 'only the build stage has one',
      code: 'FROM a:1 AS build\nHEALTHCHECK CMD true\nFROM b:1\nCMD ["app"]\n',
      errors: [{ range: [2, 0, 2, 4], path: 'stages[1].from', message: MESSAGE }],
    },
  ],
});
