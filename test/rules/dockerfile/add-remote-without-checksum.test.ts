import rule from '../../../rules/dockerfile/add-remote-without-checksum';
import { dockerfileRuleTester } from '../../harness/dockerfile-tester';

dockerfileRuleTester(rule, {
  valid: [
    { name: 'pinned with --checksum', code: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://x.io/a.tgz /tmp/\n' },
    { name: 'local source', code: 'FROM alpine:3.20\nADD app.tgz /opt/\n' },
    { name: 'git source is pinned by its ref, not a checksum', code: 'FROM alpine:3.20\nADD git@github.com:o/r.git#v1.2.3 /src\n' },
  ],
  invalid: [
    {
      name: 'https download',
      code: 'FROM alpine:3.20\nADD https://x.io/tool.tgz /tmp/\n',
      errors: [{ range: [1, 4, 1, 31], path: 'stages[0].instructions[0]', message: 'ADD downloads https://x.io/tool.tgz without --checksum: pin it with --checksum=sha256:<hash>.' }],
    },
    {
      name: 'with another flag, across a continuation: the sources and destination are underlined',
      code: 'FROM alpine:3.20\nADD --chmod=755 \\\n    http://x.io/run.sh /usr/local/bin/run\n',
      errors: [{ range: [2, 4, 2, 41], message: /^ADD downloads http:\/\/x.io\/run.sh without --checksum/ }],
    },
  ],
});
