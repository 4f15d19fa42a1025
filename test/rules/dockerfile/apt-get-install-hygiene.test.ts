import rule from '../../../rules/dockerfile/apt-get-install-hygiene';
import { dockerfileRuleTester } from '../../harness/dockerfile-tester';
import { assertChangeGives } from './fix-check';

const NO_Y = 'apt-get install without -y waits for a confirmation the build cannot give. Add -y.';
const RECOMMENDS = 'apt-get install also installs recommended packages: add --no-install-recommends to keep the image small and its attack surface low.';

dockerfileRuleTester(rule, {
  valid: [
    { name: 'both options', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n' },
    { name: '-qqy bundle and the apt option form', code: 'FROM debian:12\nRUN apt-get install -qqy -o APT::Install-Recommends=false curl\n' },
    { name: 'quoted text is not a command', code: 'FROM debian:12\nRUN echo "apt-get install curl" > /notes\n' },
    { name: 'recommended packages in a build stage do not ship', code: 'FROM debian:12 AS build\nRUN apt-get install -y gcc\nFROM debian:12\nCOPY --from=build /out /out\n' },
  ],
  invalid: [
    {
      name: 'neither option',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install curl\n',
      errors: [
        { range: [1, 30, 1, 37], path: 'stages[0].instructions[0]', message: NO_Y },
        { range: [1, 30, 1, 37], message: RECOMMENDS },
      ],
    },
    {
      name: 'apt through sudo, in a heredoc',
      code: 'FROM debian:12\nRUN <<EOF\nsudo apt -y install curl\nEOF\n',
      errors: [
        { range: [2, 5, 2, 8], message: 'apt is for interactive use; use apt-get in Dockerfiles.' },
        { range: [2, 12, 2, 19], message: 'apt install also installs recommended packages: add --no-install-recommends to keep the image small and its attack surface low.' },
      ],
    },
    {
      name: 'build stage still needs -y',
      code: 'FROM debian:12 AS build\nRUN apt-get install gcc\nFROM scratch\n',
      errors: [{ range: [1, 12, 1, 19], message: NO_Y }],
    },
  ],
});

describe('apt-get-install-hygiene changes', () => {
  it('fix: adds -y after install', () => {
    assertChangeGives(rule, 'FROM debian:12\nRUN apt-get install --no-install-recommends curl\n', 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n');
  });
  it('suggestion: adds --no-install-recommends', () => {
    assertChangeGives(
      rule,
      'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y curl \\\n && rm -rf /var/lib/apt/lists/*\n',
      'FROM debian:12\nRUN apt-get update \\\n && apt-get install --no-install-recommends -y curl \\\n && rm -rf /var/lib/apt/lists/*\n',
      'suggestion',
    );
  });
  it('fix: apt becomes apt-get', () => {
    assertChangeGives(rule, 'FROM debian:12\nRUN apt install -y --no-install-recommends curl\n', 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n');
  });
});
