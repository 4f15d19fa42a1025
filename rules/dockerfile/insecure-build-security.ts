import { defineDockerfileRule } from '../engine/rule';
import { offsetRange } from '../engine/dockerfile/model';
import { flagsOf, instructionPath, instructionsOf } from './helpers';

export default defineDockerfileRule({
  meta: {
    id: 'insecure-build-security',
    title: 'RUN --security=insecure',
    severity: 'error',
    category: 'Dockerfile',
    tier: 'recommended',
    description:
      '`RUN --security=insecure` runs the step without the build sandbox, with all capabilities: the step can reach the build host. BuildKit only allows it with the `security.insecure` entitlement for that reason.',
    remediation: 'Remove `--security=insecure`; do privileged set-up at run time, in a dedicated and reviewed workload, not in the build.',
    references: { links: ['https://docs.docker.com/reference/dockerfile/#run---security'] },
  },
  check(context) {
    const model = context.dockerfile;
    for (const stage of model.stages) {
      for (const instruction of instructionsOf(stage, 'RUN')) {
        const flag = flagsOf(instruction).find((f) => f.getName() === 'security' && f.getValue() === 'insecure');
        if (!flag) continue;
        const [start, end] = offsetRange(model, flag.getRange());
        context.report({ start, end, path: instructionPath(stage, instruction), message: 'RUN --security=insecure runs this step outside the build sandbox with every capability. Remove the flag.' });
      }
    }
  },
});
