import rule from '../../../rules/dockerfile/expose-ssh-port';
import { dockerfileRuleTester } from '../../harness/dockerfile-tester';

const MESSAGE = 'EXPOSE 22 publishes an SSH port. Remove it and the SSH server; use kubectl exec for access.';

dockerfileRuleTester(rule, {
  valid: [
    { name: 'other ports', code: 'FROM a:1\nEXPOSE 80 2222 8022/tcp\n' },
    { name: 'udp 22 is not SSH', code: 'FROM a:1\nEXPOSE 22/udp\n' },
    { name: 'variable', code: 'FROM a:1\nEXPOSE $PORT\n' },
  ],
  invalid: [
    {
      name: 'plain, tcp and in a range',
      code: 'FROM a:1\nEXPOSE 80 22\nEXPOSE 22/TCP\nEXPOSE 20-30\n',
      errors: [
        { range: [1, 10, 1, 12], path: 'stages[0].instructions[0]', message: MESSAGE },
        { range: [2, 7, 2, 13], path: 'stages[0].instructions[1]', message: MESSAGE },
        { range: [3, 7, 3, 12], path: 'stages[0].instructions[2]', message: MESSAGE },
      ],
    },
  ],
});
