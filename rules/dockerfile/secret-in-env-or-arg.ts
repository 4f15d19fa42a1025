import type { Instruction } from 'dockerfile-ast';
import { offsetRange, propertiesOf, type Stage } from '../engine/dockerfile/model';
import { defineDockerfileRule, type DockerfileRuleContext } from '../engine/rule';
import { detectSecret } from '../engine/secrets';
import { instructionPath, instructionsOf, keywordOf } from './helpers';

export default defineDockerfileRule({
  meta: {
    id: 'secret-in-env-or-arg',
    title: 'Secret written in ENV or ARG',
    severity: 'error',
    category: 'Dockerfile',
    tier: 'recommended',
    description:
      'A secret in `ENV` is stored in the image configuration and visible to anyone who can pull the image (`docker inspect`); a secret as an `ARG` default is recorded in the image history. Both stay there even if a later layer unsets them, and both end up in version control with the Dockerfile.',
    remediation:
      'Remove the value. At build time, pass secrets with BuildKit secret mounts (`RUN --mount=type=secret,id=npm_token ...` and `docker build --secret id=npm_token,env=NPM_TOKEN`); at run time, provide them through the orchestrator (a Kubernetes Secret mounted as a file).',
    references: { hadolint: ['DL3064'], trivy: ['DS031'] },
  },
  check(context) {
    const model = context.dockerfile;
    for (const arg of model.ast.getInitialARGs()) checkProperties(context, undefined, arg);
    for (const stage of model.stages) {
      // Findings are sorted by offset afterwards: ENV before ARG is no problem.
      for (const instruction of instructionsOf(stage, 'ENV')) checkProperties(context, stage, instruction);
      for (const instruction of instructionsOf(stage, 'ARG')) checkProperties(context, stage, instruction);
    }
  },
});

function checkProperties(context: DockerfileRuleContext, stage: Stage | undefined, instruction: Instruction): void {
  for (const property of propertiesOf(instruction)) {
    const value = property.getValue();
    const valueRange = property.getValueRange();
    if (!value || !valueRange || value.includes('$')) continue;
    const match = detectSecret(property.getName(), value);
    if (!match) continue;
    const [start, end] = offsetRange(context.dockerfile, valueRange);
    const keyword = keywordOf(instruction);
    context.report({
      start,
      end,
      path: stage ? instructionPath(stage, instruction) : `globalArgs.${property.getName()}`,
      message: `${keyword} ${property.getName()} holds ${withArticle(match.description)} in plain text; it is stored in the image ${keyword === 'ENV' ? 'configuration' : 'history'}. Pass it with RUN --mount=type=secret instead.`,
    });
  }
}

/** "a token", "an AWS secret access key", "an SSH key": the article as the words are spoken. */
function withArticle(noun: string): string {
  const first = noun.split(/\s/)[0];
  const acronym = first.length > 1 && first === first.toUpperCase() && /^[A-Z]/.test(first);
  const vowelSound = acronym ? 'AEFHILMNORSX'.includes(first[0]) : /^[aeiou]/i.test(first);
  return `${vowelSound ? 'an' : 'a'} ${noun}`;
}
