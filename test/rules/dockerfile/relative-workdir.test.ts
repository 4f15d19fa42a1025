import rule from '../../../rules/dockerfile/relative-workdir';
import { dockerfileRuleTester } from '../../harness/dockerfile-tester';

dockerfileRuleTester(rule, {
  valid: [
    { name: 'absolute, variable and Windows paths', code: 'FROM a:1\nWORKDIR /app\nWORKDIR $HOME/src\nWORKDIR "/quoted dir"\nWORKDIR C:\\\\app\n' },
  ],
  invalid: [
    {
      name: 'relative paths',
      code: 'FROM a:1\nWORKDIR app\nWORKDIR ./src\nWORKDIR .\n',
      errors: [
        { range: [1, 8, 1, 11], path: 'stages[0].instructions[0]', message: 'WORKDIR app is relative: use an absolute path such as /app.' },
        { range: [2, 8, 2, 13], message: 'WORKDIR ./src is relative: use an absolute path such as /src.' },
        { range: [3, 8, 3, 9], message: 'WORKDIR . is relative: use an absolute path such as /app.' },
      ],
    },
  ],
});
