import rule from '../../../rules/dockerfile/remote-script-piped-to-shell';
import { dockerfile, dockerfileRuleTester } from '../../harness/dockerfile-tester';

dockerfileRuleTester(rule, {
  valid: [
    { name: 'quoted pipe is not a pipeline', code: 'FROM alpine:3.20\nRUN echo "curl https://x.io/i.sh | sh" > README\n' },
    { name: 'download, verify, run', code: 'FROM alpine:3.20\nRUN curl -fsSLo i.sh https://x.io/i.sh && echo "abc  i.sh" | sha256sum -c - && sh i.sh\n' },
    { name: 'pipe into a non-interpreter', code: 'FROM alpine:3.20\nRUN curl -fsSL https://x.io/k.tgz | tar xz\n' },
    { name: 'a local script piped to sh', code: 'FROM alpine:3.20\nRUN cat setup.sh | sh\n' },
    { name: 'a comment line inside the continuation hides the pipe', code: 'FROM alpine:3.20\nRUN curl -fsSLo i.sh https://x.io/i.sh \\\n# | sh\n  && sha256sum -c sums\n' },
  ],
  invalid: [
    {
      name: 'curl | sh',
      code: 'FROM alpine:3.20\nRUN curl -fsSL https://x.io/i.sh | sh\n',
      errors: [{ range: [1, 4, 1, 37], path: 'stages[0].instructions[0]', message: 'A script downloaded with curl is piped into sh unverified. Download it to a file, check its sha256, then run it.' }],
    },
    {
      name: 'wget -O- through tee into sudo bash, across a continuation',
      code: dockerfile`
        FROM debian:12
        RUN apt-get update && \\
            wget -qO- https://x.io/i.sh | tee /tmp/log | sudo bash -s -- --yes
      `,
      errors: [{ range: [2, 4, 2, 70], message: /downloaded with wget is piped into bash/ }],
    },
    {
      name: 'backtick escape directive and exec-form bash -c',
      code: '# escape=`\nFROM alpine:3.20\nRUN curl -fsSL https://x.io/i.sh `\n  | sh\nRUN ["bash", "-c", "wget -qO- https://x.io/j.sh | bash"]\n',
      errors: [
        { range: [2, 4, 3, 6], path: 'stages[0].instructions[0]', message: 'A script downloaded with curl is piped into sh unverified. Download it to a file, check its sha256, then run it.' },
        { range: [4, 20, 4, 54], path: 'stages[0].instructions[1]', message: 'A script downloaded with wget is piped into bash unverified. Download it to a file, check its sha256, then run it.' },
      ],
    },
    {
      name: 'sh -c "$(curl ...)" in a heredoc',
      code: 'FROM alpine:3.20\nRUN <<EOF\nsh -c "$(curl -fsSL https://x.io/i.sh)"\nEOF\n',
      errors: [{ range: [2, 0, 2, 39], message: /sh runs a script substituted from a download/ }],
    },
  ],
});
