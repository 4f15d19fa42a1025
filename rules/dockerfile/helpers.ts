/** Helpers shared by Dockerfile rules. */
import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from '../engine/dockerfile/model';
import { offsetRange } from '../engine/dockerfile/model';

export { finalStage, runScripts } from '../engine/dockerfile/model';

/** Stable identity of an instruction: its stage and position in it, not its line. */
export function instructionPath(stage: Stage, instruction: Instruction): string {
  if (instruction === stage.from) return `stages[${stage.index}].from`;
  return `stages[${stage.index}].instructions[${stage.instructions.indexOf(instruction)}]`;
}

/** Offsets of an instruction's keyword (`USER`, `RUN`), where instruction-level findings point. */
export function keywordOffsets(model: DockerfileModel, instruction: Instruction): [number, number] {
  return offsetRange(model, instruction.getInstructionRange());
}

/** Offsets of an instruction's arguments, falling back to its keyword. */
export function argumentOffsets(model: DockerfileModel, instruction: Instruction): [number, number] {
  const args = instruction.getArguments();
  if (args.length === 0) return keywordOffsets(model, instruction);
  return [offsetRange(model, args[0].getRange())[0], offsetRange(model, args[args.length - 1].getRange())[1]];
}

export function instructionsOf(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((i) => i.getKeyword() === keyword);
}
