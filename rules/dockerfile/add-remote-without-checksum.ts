import { defineDockerfileRule } from '../engine/rule';
import { argumentOffsets, flagsOf, instructionPath, instructionsOf, sourcesOf } from './helpers';

export default defineDockerfileRule({
  meta: {
    id: 'add-remote-without-checksum',
    title: 'Remote ADD without --checksum',
    severity: 'warning',
    category: 'Dockerfile',
    tier: 'recommended',
    description:
      '`ADD https://...` puts whatever the server returns at build time into the image. Without `--checksum`, a changed or compromised file goes in unnoticed and builds are not reproducible.',
    remediation: 'Pin the download: `ADD --checksum=sha256:<hash> https://... /dest` (BuildKit), or download with curl and verify with `sha256sum -c`.',
    references: { checkov: ['CKV_DOCKER_4'], links: ['https://docs.docker.com/reference/dockerfile/#add---checksum'] },
  },
  check(context) {
    const model = context.dockerfile;
    for (const stage of model.stages) {
      for (const instruction of instructionsOf(stage, 'ADD')) {
        if (flagsOf(instruction).some((f) => f.getName() === 'checksum')) continue;
        const urls = sourcesOf(instruction).filter((s) => /^https?:\/\//i.test(s));
        if (urls.length === 0) continue;
        const [start, end] = argumentOffsets(model, instruction);
        context.report({ start, end, path: instructionPath(stage, instruction), message: `ADD downloads ${urls[0]} without --checksum: pin it with --checksum=sha256:<hash>.` });
      }
    }
  },
});
