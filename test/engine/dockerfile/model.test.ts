import assert from 'node:assert/strict';
import { parseDockerfileModel, runScripts, substitute } from '../../../rules/engine/dockerfile/model';
import type { Run } from 'dockerfile-ast';

describe('Dockerfile model', () => {
  it('splits stages, substitutes global ARG defaults into FROM and recognises stage bases', () => {
    const model = parseDockerfileModel('ARG BASE=node\nARG TAG=20\nFROM ${BASE}:${TAG} AS Build\nRUN npm ci\nFROM build\nUSER 1000\n');
    assert.deepEqual(
      model.stages.map((s) => [s.index, s.name, s.image, s.fromStage, s.instructions.map((i) => i.getKeyword())]),
      [
        [0, 'build', 'node:20', false, ['RUN']],
        [1, undefined, 'build', true, ['USER']],
      ],
    );
  });
  it('substitutes ${VAR:-default} and $VAR', () => {
    assert.equal(substitute('${REG:-docker.io}/$IMG', new Map([['IMG', 'app']])), 'docker.io/app');
  });
  it('tokenizes heredoc and exec-form sh -c scripts with file offsets', () => {
    const text = 'FROM alpine:3.20\nRUN <<EOF\ncurl -fsSL https://x | sh\nEOF\nRUN ["sh", "-c", "wget -O- https://y | bash"]\n';
    const model = parseDockerfileModel(text);
    const runs = model.stages[0].instructions as Run[];
    const scripts = runs.map((r) => runScripts(model, r)[0]);
    const words = scripts.map((s) => s.commands.map((c) => c.words.map((w) => text.slice(s.offset + w.start, s.offset + w.end)).join(' ')));
    assert.deepEqual(words, [
      ['curl -fsSL https://x', 'sh'],
      ['wget -O- https://y', 'bash'],
    ]);
  });
});
