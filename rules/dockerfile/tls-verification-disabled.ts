import type { Instruction } from 'dockerfile-ast';
import { defineDockerfileRule, type DockerfileRuleContext } from '../engine/rule';
import type { ShellCommand, ShellWord } from '../engine/dockerfile/shell';
import { offsetRange, propertiesOf, type Stage } from '../engine/dockerfile/model';
import { findOption, forEachRunCommand, instructionPath, instructionsOf, keywordOf, programOf, removeOptionEdit, wordOffsets } from './helpers';

/** Environment variables that switch TLS verification off, and the values that do it. */
const INSECURE_ENV: Record<string, (value: string) => boolean> = {
  NODE_TLS_REJECT_UNAUTHORIZED: (v) => v === '0',
  PYTHONHTTPSVERIFY: (v) => v === '0',
  GIT_SSL_NO_VERIFY: (v) => v !== '' && v !== '0' && v.toLowerCase() !== 'false',
  NPM_CONFIG_STRICT_SSL: (v) => /^(false|0|no)$/i.test(v),
  YARN_STRICT_SSL: (v) => /^(false|0|no)$/i.test(v),
  PIP_TRUSTED_HOST: (v) => v !== '',
  CURL_INSECURE: (v) => v !== '' && v !== '0',
};

/** curl's short options that take a value: in `-ok` the `k` is a file name. */
const CURL_VALUED = 'AbcCdDeEFHKmoPQrTtuUwxXyYz';

interface InsecureOption {
  word: ShellWord;
  why: string;
  /** Set when removing the option is all the fix takes; `letter` for a bundle such as `-fsSLk`. */
  removable?: { letter?: string };
}

/** Why a command disables TLS verification, and the word to underline; undefined when it does not. */
const TLS_PROGRAMS = /^(curl|wget|pip[0-9.]*|npm|yarn|pnpm|git|yum|dnf|tdnf|microdnf|yum-config-manager|dnf-config-manager)$/;

function insecureOption(command: ShellCommand): InsecureOption | undefined {
  const program = programOf(command);
  if (!TLS_PROGRAMS.test(program)) return undefined;
  const words = command.words.map((w) => w.value);
  const option = (long: string[], short: string[] = []) => findOption(command, long, short);
  let word: ShellWord | undefined;
  if (program === 'curl' && (word = findOption(command, ['--insecure', '--proxy-insecure'], ['k'], CURL_VALUED))) {
    return { word, why: 'curl -k/--insecure accepts any certificate', removable: word.value.startsWith('--') ? {} : { letter: 'k' } };
  }
  if (program === 'wget' && (word = option(['--no-check-certificate']))) return { word, why: 'wget --no-check-certificate accepts any certificate', removable: {} };
  if (/^pip[0-9.]*$/.test(program) && (word = option(['--trusted-host']))) return { word, why: 'pip --trusted-host skips certificate checks for that host' };
  if (['npm', 'yarn', 'pnpm'].includes(program)) {
    const i = words.indexOf('strict-ssl');
    if (i > 0 && /^(false|0)$/.test(words[i + 1] ?? '')) return { word: command.words[i], why: `${program} strict-ssl false accepts any certificate` };
    if ((word = command.words.find((w) => /^--strict-ssl=(false|0)$/.test(w.value)))) return { word, why: `${program} --strict-ssl=false accepts any certificate` };
  }
  if (program === 'git') {
    word = command.words.find((w, i) => /^http\.sslverify(=(false|0|no))?$/i.test(w.value) && (w.value.includes('=') || /^(false|0|no)$/i.test(words[i + 1] ?? '')));
    if (word) return { word, why: 'git http.sslVerify false accepts any certificate' };
  }
  if (['yum', 'dnf', 'tdnf', 'microdnf', 'yum-config-manager', 'dnf-config-manager'].includes(program)) {
    word = command.words.find((w) => /sslverify=(0|false|no)$/i.test(w.value));
    if (word) return { word, why: `${program} sslverify=0 accepts any certificate` };
  }
  return undefined;
}

export default defineDockerfileRule({
  meta: {
    id: 'tls-verification-disabled',
    title: 'TLS certificate verification disabled',
    severity: 'error',
    category: 'Dockerfile',
    tier: 'recommended',
    description:
      'Turning off certificate verification (`curl -k`, `wget --no-check-certificate`, `pip --trusted-host`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `GIT_SSL_NO_VERIFY`, `strict-ssl false`, `sslverify=0`) lets anyone on the network path replace what the build downloads. Set in `ENV`, it also stays on for the running container.',
    remediation:
      'Remove the option. If a private registry or proxy uses its own CA, add that CA to the image (`COPY corp-ca.crt /usr/local/share/ca-certificates/` then `update-ca-certificates`) instead of disabling verification.',
    references: {
      checkov: ['CKV2_DOCKER_2', 'CKV2_DOCKER_3', 'CKV2_DOCKER_4', 'CKV2_DOCKER_5', 'CKV2_DOCKER_6', 'CKV2_DOCKER_12', 'CKV2_DOCKER_13', 'CKV2_DOCKER_14', 'CKV2_DOCKER_15', 'CKV2_DOCKER_16'],
    },
  },
  check(context) {
    const model = context.dockerfile;
    forEachRunCommand(model, ({ stage, run, command, effective, script }) => {
      for (const assignment of command.assignments) reportAssignment(context, stage, run, assignment, script.offset);
      if (['export', 'set'].includes(programOf(command))) {
        for (const w of command.words.slice(1)) reportAssignment(context, stage, run, w, script.offset);
      }
      const found = insecureOption(effective);
      if (!found) return;
      const [start, end] = wordOffsets(script, found.word);
      const option = found.removable?.letter ? `-${found.removable.letter}` : found.word.value;
      const suggestions =
        found.removable && script.editable
          ? [{ title: `Remove ${option} (verify TLS certificates; downloads from hosts with an untrusted certificate will fail)`, edits: [removeOptionEdit(context.text, script, found.word, found.removable.letter)] }]
          : undefined;
      context.report({
        start,
        end,
        path: instructionPath(stage, run),
        message: `${capitalise(found.why)}. Remove it; trust a private CA by adding it to the image instead.`,
        ...(suggestions ? { suggestions } : {}),
      });
    });
    for (const stage of model.stages) {
      // Findings are sorted by offset afterwards: ENV before ARG is no problem.
      for (const instruction of instructionsOf(stage, 'ENV')) reportProperties(context, stage, instruction);
      for (const instruction of instructionsOf(stage, 'ARG')) reportProperties(context, stage, instruction);
    }
  },
});

function reportAssignment(context: DockerfileRuleContext, stage: Stage, run: Instruction, word: ShellWord, offset: number): void {
  const eq = word.value.indexOf('=');
  if (eq <= 0) return;
  const name = word.value.slice(0, eq);
  const value = word.value.slice(eq + 1);
  if (!INSECURE_ENV[name]?.(value)) return;
  context.report({ start: offset + word.start, end: offset + word.end, path: instructionPath(stage, run), message: `${name}=${value} disables TLS certificate verification. Remove it; trust a private CA by adding it to the image instead.` });
}

function reportProperties(context: DockerfileRuleContext, stage: Stage, instruction: Instruction): void {
  for (const p of propertiesOf(instruction)) {
    const value = p.getValue() ?? '';
    if (!INSECURE_ENV[p.getName()]?.(value)) continue;
    const [start, end] = offsetRange(context.dockerfile, p.getRange());
    const where = keywordOf(instruction) === 'ENV' ? ' for the build and for every container started from the image' : ' for the build';
    context.report({
      start,
      end,
      path: instructionPath(stage, instruction),
      message: `${p.getName()}=${value} disables TLS certificate verification${where}. Remove it; trust a private CA by adding it to the image instead.`,
    });
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
