import assert from 'node:assert/strict';
import { isWindowsStage, parseDockerfileModel, rootImage, runScripts, shippedStages, stageChain, substitute } from '../../../rules/engine/dockerfile/model';
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
  it('drops RUN flags before the script and keeps the assignments that follow them', () => {
    const text = 'FROM a:1\nRUN --mount=type=cache,target=/c \\\n  --network=none PIP_NO_CACHE_DIR=1 pip install x\nRUN --mount=type=secret,id=t\n';
    const model = parseDockerfileModel(text);
    const [withFlags, onlyFlags] = (model.stages[0].instructions as Run[]).map((r) => runScripts(model, r)[0]);
    assert.deepEqual(withFlags.commands.map((c) => [c.assignments.map((w) => w.value), c.words.map((w) => w.value)]), [[['PIP_NO_CACHE_DIR=1'], ['pip', 'install', 'x']]]);
    assert.equal(text.slice(withFlags.offset + withFlags.commands[0].words[0].start, withFlags.offset + withFlags.commands[0].words[0].end), 'pip');
    assert.deepEqual(onlyFlags.commands, []);
  });
  it('marks exec-form scripts that fixes must not splice into', () => {
    const text = 'FROM a:1\nRUN ["apk", "add", "x"]\nRUN ["sh", "-c", "apk add x"]\nRUN ["sh", "-c", "echo \\"a\\" && apk add x"]\nRUN apk add x\n';
    const model = parseDockerfileModel(text);
    assert.deepEqual((model.stages[0].instructions as Run[]).map((r) => runScripts(model, r)[0].editable), [false, true, false, true]);
  });
  it('follows FROM <stage> chains, lists shipped stages and recognises Windows bases', () => {
    const model = parseDockerfileModel('FROM golang:1.23 AS build\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS base\nFROM base AS final\nFROM final\n');
    const [build, , final, last] = model.stages;
    assert.deepEqual(stageChain(last).map((s) => s.index), [3, 2, 1]);
    assert.deepEqual([...shippedStages(model)].map((s) => s.index), [3, 2, 1]);
    assert.equal(rootImage(last), 'mcr.microsoft.com/windows/nanoserver:ltsc2022');
    assert.deepEqual([isWindowsStage(model, build), isWindowsStage(model, final)], [false, true]);
    assert.equal(parseDockerfileModel('# escape=`\nFROM a:1\n').escape, '`');
  });
});
