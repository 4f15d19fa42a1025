import { defineDockerfileRule } from '../engine/rule';
import { exposedPorts, instructionPath } from './helpers';

export default defineDockerfileRule({
  meta: {
    id: 'invalid-expose-port',
    title: 'Invalid port in EXPOSE',
    severity: 'warning',
    category: 'Dockerfile',
    tier: 'recommended',
    description: 'A port outside 1-65535, a reversed range or an unknown protocol is a typo: the image documents a port that cannot exist.',
    remediation: 'Write a port between 1 and 65535, optionally with `/tcp`, `/udp` or `/sctp`.',
    references: { hadolint: ['DL3011'], trivy: ['DS008'] },
  },
  check(context) {
    for (const p of exposedPorts(context.dockerfile)) {
      if (p.variable) continue;
      const problem = !p.valid
        ? `"${p.text}" is not a port`
        : p.low < 1 || p.high > 65535
          ? `${p.text} is outside 1-65535`
          : p.low > p.high
            ? `the range ${p.text} is reversed`
            : p.protocol && !['tcp', 'udp', 'sctp'].includes(p.protocol)
              ? `unknown protocol "${p.protocol}"`
              : undefined;
      if (!problem) continue;
      const advice = problem.startsWith('unknown protocol') ? 'Use tcp, udp or sctp' : 'Use a port between 1 and 65535';
      context.report({ start: p.start, end: p.end, path: instructionPath(p.stage, p.instruction), message: `EXPOSE ${p.text}: ${problem}. ${advice}.` });
    }
  },
});
