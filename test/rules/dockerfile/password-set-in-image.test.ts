import rule from '../../../rules/dockerfile/password-set-in-image';
import { dockerfileRuleTester } from '../../harness/dockerfile-tester';

const message = (program: string) => `${program} sets an account password inside the image, where anyone who pulls it can read it. Provide credentials at run time instead.`;

dockerfileRuleTester(rule, {
  valid: [
    { name: 'mentioned, not run', code: 'FROM a:1\nRUN echo chpasswd && passwd -l root\n' },
  ],
  invalid: [
    {
      name: 'chpasswd fed by a pipe, passwd --stdin',
      code: 'FROM a:1\nRUN echo "root:pw" | chpasswd && echo pw | passwd --stdin app\n',
      errors: [
        { range: [1, 21, 1, 29], path: 'stages[0].instructions[0]', message: message('chpasswd') },
        { range: [1, 43, 1, 49], message: message('passwd') },
      ],
    },
    { name: 'through sudo with a path', code: 'FROM a:1\nRUN echo "a:b" | sudo /usr/sbin/chpasswd\n', errors: [{ range: [1, 22, 1, 40], message: message('chpasswd') }] },
  ],
});
