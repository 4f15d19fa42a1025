import type { Run } from 'dockerfile-ast';
import { defineDockerfileRule } from '../engine/rule';
import type { ShellCommand } from '../engine/dockerfile/shell';
import { flagsOf, forEachRunCommandOf, instructionPath, programOf, wordOffsets } from './helpers';

/** Commands that store a credential on disk, in the layer they run in. */
const CREDENTIAL_PROGRAMS = new Set(['aws', 'gcloud', 'az', 'doctl', 'docker', 'podman', 'buildah', 'helm', 'oras', 'skopeo', 'npm', 'yarn', 'pnpm', 'gh', 'vault', 'huggingface-cli', 'hf']);

function credentialSetup(command: ShellCommand): string | undefined {
  const program = programOf(command);
  if (!CREDENTIAL_PROGRAMS.has(program)) return undefined;
  const words = command.words.map((w) => w.value);
  const has = (...values: string[]) => values.some((v) => words.includes(v) || words.some((w) => w.startsWith(`${v}=`)));
  if (program === 'aws' && words[1] === 'configure' && words[2] === 'set' && /secret|access_key|session_token/i.test(words[3] ?? '')) return 'aws configure set';
  if (program === 'gcloud' && words.includes('activate-service-account')) return 'gcloud auth activate-service-account';
  if (program === 'az' && words[1] === 'login' && has('-p', '--password', '--service-principal')) return 'az login';
  if (program === 'doctl' && words[1] === 'auth' && has('-t', '--access-token')) return 'doctl auth init';
  if (['docker', 'podman', 'buildah', 'helm', 'oras', 'skopeo'].includes(program) && words.includes('login') && has('-p', '--password', '--password-stdin')) return `${program} login`;
  if (['npm', 'yarn', 'pnpm'].includes(program) && words.some((w) => /_authToken|_auth\b|_password/.test(w))) return `${program} config set (auth token)`;
  if (program === 'gh' && words.includes('login') && has('--with-token')) return 'gh auth login';
  if (program === 'vault' && words[1] === 'login') return 'vault login';
  if (['huggingface-cli', 'hf'].includes(program) && words.includes('login') && has('--token')) return `${program} login`;
  return undefined;
}

function hasSecretMount(run: Run): boolean {
  return flagsOf(run).some((f) => f.getName() === 'mount' && /(^|,)type=secret(,|$)/.test(f.getValue() ?? ''));
}

export default defineDockerfileRule({
  meta: {
    id: 'credentials-without-secret-mount',
    title: 'Credentials set up in a layer',
    severity: 'error',
    category: 'Dockerfile',
    tier: 'recommended',
    description:
      'Commands such as `aws configure set`, `docker login -p`, `npm config set //registry/:_authToken` or `gcloud auth activate-service-account` write the credential into a file of the image layer (and often into the Dockerfile or build args). Anyone who pulls the image can read it, even if a later step deletes the file.',
    remediation:
      'Mount the credential only for the step that needs it: `RUN --mount=type=secret,id=aws,target=/root/.aws/credentials aws s3 cp ...`, built with `docker build --secret id=aws,src=$HOME/.aws/credentials`.',
    references: { trivy: ['DS031'] },
  },
  check(context) {
    forEachRunCommandOf(context.dockerfile, CREDENTIAL_PROGRAMS, ({ stage, run, effective, script }) => {
      const setup = credentialSetup(effective);
      if (!setup || hasSecretMount(run)) return;
      const [start] = wordOffsets(script, effective.words[0]);
      const [, end] = wordOffsets(script, effective.words[effective.words.length - 1]);
      context.report({ start, end, path: instructionPath(stage, run), message: `${setup} stores a credential in the image layer. Use RUN --mount=type=secret so it never lands in the image.` });
    });
  },
});
