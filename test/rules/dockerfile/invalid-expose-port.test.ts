import rule from '../../../rules/dockerfile/invalid-expose-port';
import { dockerfileRuleTester } from '../../harness/dockerfile-tester';

dockerfileRuleTester(rule, {
  valid: [
    { name: 'ports, ranges and protocols', code: 'FROM a:1\nEXPOSE 80 8000-8010 53/udp 9000/sctp 65535/TCP\n' },
    { name: 'variables are resolved at build time', code: 'FROM a:1\nARG PORT=8080\nEXPOSE ${PORT} $PORT/tcp\n' },
  ],
  invalid: [
    {
      name: 'every kind of mistake',
      code: 'FROM a:1\nEXPOSE 70000 0 10-5 80/foo abc\n',
      errors: [
        { range: [1, 7, 1, 12], path: 'stages[0].instructions[0]', message: 'EXPOSE 70000: 70000 is outside 1-65535. Use a port between 1 and 65535.' },
        { range: [1, 13, 1, 14], message: 'EXPOSE 0: 0 is outside 1-65535. Use a port between 1 and 65535.' },
        { range: [1, 15, 1, 19], message: 'EXPOSE 10-5: the range 10-5 is reversed. Use a port between 1 and 65535.' },
        { range: [1, 20, 1, 26], message: 'EXPOSE 80/foo: unknown protocol "foo". Use tcp, udp or sctp.' },
        { range: [1, 27, 1, 30], message: 'EXPOSE abc: "abc" is not a port. Use a port between 1 and 65535.' },
      ],
    },
  ],
});
