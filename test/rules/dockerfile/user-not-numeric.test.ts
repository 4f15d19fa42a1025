import rule from '../../../rules/dockerfile/user-not-numeric';
import { dockerfileRuleTester } from '../../harness/dockerfile-tester';

dockerfileRuleTester(rule, {
  valid: [
    { name: 'numeric user and group', code: 'FROM a:1\nUSER 10001:10001\n' },
    { name: 'a name in a build stage only', code: 'FROM a:1 AS build\nUSER builder\nFROM b:1\nUSER 10001\n' },
    { name: 'variable and root (final-user-root reports root)', code: 'FROM a:1\nUSER $UID\nFROM b:1\nUSER root\n' },
    { name: 'Windows images name their users', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n' },
    { name: 'no USER at all', code: 'FROM a:1\n' },
  ],
  invalid: [
    {
      name: 'a name in the final stage',
      code: 'FROM a:1\nUSER app:app\nCMD ["app"]\n',
      errors: [{ range: [1, 5, 1, 12], path: 'stages[0].instructions[0]', message: 'USER app is a name: Kubernetes runAsNonRoot cannot verify it. Use its numeric id (for example USER 10001).' }],
    },
    {
      name: 'inherited from the stage the final stage is built on, with a known id',
      code: 'FROM gcr.io/distroless/static:nonroot AS base\nUSER nonroot\nFROM base\nCOPY app /app\n',
      errors: [{ range: [1, 5, 1, 12], path: 'stages[0].instructions[0]', message: 'USER nonroot is a name: Kubernetes runAsNonRoot cannot verify it. Use its numeric id (nonroot is usually 65532).' }],
    },
  ],
});
