import rule from '../../../rules/dockerfile/unpinned-package-versions';
import { dockerfileRuleTester } from '../../harness/dockerfile-tester';

const message = (pkg: string) => `${pkg} is installed without a pinned version: pin it so builds are reproducible.`;

dockerfileRuleTester(rule, {
  valid: [
    {
      name: 'pinned in every syntax',
      code: 'FROM a:1\nRUN apt-get install -y curl=8.5.0-2 && apk add --virtual .deps gcc=13.2.1-r0 && pip install requests==2.32.3 -r req.txt\nRUN npm install -g pnpm@9.12.0 @scope/cli@1.0.0 && gem install rake -v 13.2.1 && go install golang.org/x/tools/gopls@v0.16.2\n',
    },
    { name: 'local files, variables and project installs', code: 'FROM a:1\nRUN apt-get install -y ./pkg.deb $EXTRA && pip install . && npm install && go install ./cmd/app\n' },
  ],
  invalid: [
    {
      name: 'one finding per unpinned package',
      code: 'FROM a:1\nRUN apt-get install -y curl=8.5 wget \\\n  jq\nRUN pip install flask && npm i -g @scope/cli && go install x.io/t@latest\n',
      errors: [
        { range: [1, 32, 1, 36], path: 'stages[0].instructions[0].wget', message: message('wget') },
        { range: [2, 2, 2, 4], path: 'stages[0].instructions[0].jq', message: message('jq') },
        { range: [3, 16, 3, 21], path: 'stages[0].instructions[1].flask', message: message('flask') },
        { range: [3, 34, 3, 44], message: message('@scope/cli') },
        { range: [3, 59, 3, 72], message: message('x.io/t@latest') },
      ],
    },
  ],
});
