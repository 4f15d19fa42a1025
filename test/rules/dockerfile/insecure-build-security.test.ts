import rule from '../../../rules/dockerfile/insecure-build-security';
import { dockerfileRuleTester } from '../../harness/dockerfile-tester';

dockerfileRuleTester(rule, {
  valid: [
    { name: 'sandboxed', code: 'FROM a:1\nRUN --security=sandbox make\nRUN make --security=insecure\n' },
  ],
  invalid: [
    {
      name: 'insecure flag with other flags',
      code: 'FROM a:1\nRUN --mount=type=cache,target=/c --security=insecure make\n',
      errors: [{ range: [1, 33, 1, 52], path: 'stages[0].instructions[0]', message: 'RUN --security=insecure runs this step outside the build sandbox with every capability. Remove the flag.' }],
    },
  ],
});
