import { defineDockerfileRule } from '../engine/rule';
import { exposedPorts, instructionPath } from './helpers';

export default defineDockerfileRule({
  meta: {
    id: 'expose-ssh-port',
    title: 'SSH port exposed',
    severity: 'warning',
    category: 'Dockerfile',
    tier: 'recommended',
    description: 'Exposing port 22 means the image runs an SSH server: another way in, with its own credentials to leak and patch. Containers are debugged with `kubectl exec` or `docker exec`, not SSH.',
    remediation: 'Remove `EXPOSE 22` and the SSH server; use `kubectl exec` / `kubectl debug` for access.',
    references: { trivy: ['DS004'], checkov: ['CKV_DOCKER_1'], kubeLinter: ['ssh-port'] },
  },
  check(context) {
    for (const p of exposedPorts(context.dockerfile)) {
      if (p.low <= 22 && 22 <= p.high && p.protocol !== 'udp') {
        context.report({ start: p.start, end: p.end, path: instructionPath(p.stage, p.instruction), message: 'EXPOSE 22 publishes an SSH port. Remove it and the SSH server; use kubectl exec for access.' });
      }
    }
  },
});
