import rule from '../../../rules/dockerfile/multiple-cmd-or-entrypoint';
import { dockerfileRuleTester } from '../../harness/dockerfile-tester';

dockerfileRuleTester(rule, {
  valid: [
    { name: 'one of each per stage', code: 'FROM a:1 AS build\nCMD ["a"]\nFROM b:1\nENTRYPOINT ["b"]\nCMD ["--help"]\nHEALTHCHECK CMD true\n' },
  ],
  invalid: [
    {
      name: 'two CMDs and two ENTRYPOINTs in a stage',
      code: 'FROM a:1\nCMD ["a"]\nENTRYPOINT ["x"]\nCMD ["b"]\nENTRYPOINT ["y"]\n',
      errors: [
        { range: [1, 0, 1, 3], path: 'stages[0].instructions[0]', message: 'This CMD is overridden by a later CMD in the same stage and has no effect. Remove it.' },
        { range: [2, 0, 2, 10], path: 'stages[0].instructions[1]', message: 'This ENTRYPOINT is overridden by a later ENTRYPOINT in the same stage and has no effect. Remove it.' },
      ],
    },
  ],
});
