import { defineDockerfileRule } from '../engine/rule';
import { forEachRunCommandOf, instructionPath, programOf, wordOffsets } from './helpers';

const PASSWORD_PROGRAMS = new Set(['chpasswd', 'passwd']);

export default defineDockerfileRule({
  meta: {
    id: 'password-set-in-image',
    title: 'Password set while building the image',
    severity: 'error',
    category: 'Dockerfile',
    tier: 'recommended',
    description:
      '`chpasswd` (or `passwd --stdin`) bakes an account password into a layer: the password and its hash ship with every copy of the image and anyone who can pull it can read them.',
    remediation: 'Do not give accounts passwords in images. Use key- or token-based access provided at run time (a Kubernetes Secret mounted as a file).',
    references: { checkov: ['CKV2_DOCKER_17'] },
  },
  check(context) {
    forEachRunCommandOf(context.dockerfile, PASSWORD_PROGRAMS, ({ stage, run, effective, script }) => {
      const program = programOf(effective);
      const setsPassword = program === 'chpasswd' || (program === 'passwd' && effective.words.some((w) => w.value === '--stdin'));
      if (!setsPassword) return;
      const [start, end] = wordOffsets(script, effective.words[0]);
      context.report({ start, end, path: instructionPath(stage, run), message: `${program} sets an account password inside the image, where anyone who pulls it can read it. Provide credentials at run time instead.` });
    });
  },
});
