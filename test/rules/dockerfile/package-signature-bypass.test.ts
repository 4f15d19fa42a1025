import rule from '../../../rules/dockerfile/package-signature-bypass';
import { dockerfileRuleTester } from '../../harness/dockerfile-tester';

const message = (program: string, option: string) => `${program} is told to skip package signature checks (${option}). Remove it and import the repository's signing key instead.`;

dockerfileRuleTester(rule, {
  valid: [
    { name: 'signed installs', code: 'FROM a:1\nRUN apt-get install -y curl && apk add --no-cache x && dnf install -y z\n' },
    { name: 'option quoted in an echo', code: 'FROM a:1\nRUN echo "never use --allow-unauthenticated"\n' },
    { name: 'a file: repository built in the same build', code: 'FROM a:1\nRUN echo "deb [trusted=yes] file:/repo ./" > /etc/apt/sources.list.d/local.list\n' },
  ],
  invalid: [
    {
      name: 'apt-get, apk, dnf and rpm',
      code: 'FROM a:1\nRUN apt-get install -y --allow-unauthenticated x && apk add --allow-untrusted y.apk\nRUN dnf --nogpgcheck install z && rpm -i --nosignature q.rpm\n',
      errors: [
        { range: [1, 23, 1, 46], path: 'stages[0].instructions[0]', message: message('apt-get', '--allow-unauthenticated') },
        { range: [1, 60, 1, 77], message: message('apk', '--allow-untrusted') },
        { range: [2, 8, 2, 20], path: 'stages[0].instructions[1]', message: message('dnf', '--nogpgcheck') },
        { range: [2, 41, 2, 54], message: message('rpm', '--nosignature') },
      ],
    },
    {
      name: 'trusted=yes APT source and the apt -o form',
      code: 'FROM a:1\nRUN echo "deb [trusted=yes] http://r.io/ ./" > /etc/apt/sources.list.d/r.list\nRUN apt-get -o APT::Get::AllowUnauthenticated=true install x\n',
      errors: [
        { range: [1, 9, 1, 44], message: "This APT source is marked [trusted=yes], which skips package signature checks. Remove it and import the repository's signing key instead." },
        { range: [2, 15, 2, 50], message: message('apt-get', 'APT::Get::AllowUnauthenticated=true') },
      ],
    },
  ],
});
