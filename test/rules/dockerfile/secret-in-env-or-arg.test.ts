import rule from '../../../rules/dockerfile/secret-in-env-or-arg';
import { dockerfileRuleTester } from '../../harness/dockerfile-tester';

dockerfileRuleTester(rule, {
  valid: [
    { name: 'references and non-secrets', code: 'FROM a:1\nENV PASSWORD_FILE=/run/secrets/pw API_URL=https://api.example.com\nARG NPM_TOKEN\nENV TOKEN=$NPM_TOKEN\n' },
  ],
  invalid: [
    {
      name: 'global ARG, ENV with = and the legacy space form',
      code: 'ARG NPM_TOKEN=abc123def456\nFROM a:1\nENV DB_PASSWORD=hunter2xyz API_URL=https://x\nENV AWS_SECRET_ACCESS_KEY wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
      errors: [
        { range: [0, 14, 0, 26], path: 'globalArgs.NPM_TOKEN', message: 'ARG NPM_TOKEN holds a token in plain text; it is stored in the image history. Pass it with RUN --mount=type=secret instead.' },
        { range: [2, 16, 2, 26], path: 'stages[0].instructions[0]', message: 'ENV DB_PASSWORD holds a password in plain text; it is stored in the image configuration. Pass it with RUN --mount=type=secret instead.' },
        { range: [3, 26, 3, 66], path: 'stages[0].instructions[1]', message: 'ENV AWS_SECRET_ACCESS_KEY holds an AWS secret access key in plain text; it is stored in the image configuration. Pass it with RUN --mount=type=secret instead.' },
      ],
    },
    {
      name: 'a well-known token format under any name',
      code: 'FROM a:1\nARG GH=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n',
      errors: [{ range: [1, 7, 1, 47], message: /^ARG GH holds a GitHub/ }],
    },
  ],
});
