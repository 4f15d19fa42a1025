/** Helpers shared by Dockerfile rules. */
import { JSONInstruction, type Instruction, type Run } from 'dockerfile-ast';
import type { DockerfileModel, RunScript, Stage } from '../engine/dockerfile/model';
import type { TextEdit } from '../engine/types';
import { argumentsOf, keywordOf, offsetRange, runScripts } from '../engine/dockerfile/model';
import { parseImageReference, type ImageReference } from '../kubernetes/images/image-reference';
import { effectiveCommand, type ShellCommand, type ShellWord } from '../engine/dockerfile/shell';

export { argumentsOf, finalStage, flagsOf, keywordOf, runScripts } from '../engine/dockerfile/model';
export type { ShellCommand, ShellWord };

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
  const args = argumentsOf(instruction);
  if (args.length === 0) return keywordOffsets(model, instruction);
  return [offsetRange(model, args[0].getRange())[0], offsetRange(model, args[args.length - 1].getRange())[1]];
}

/** The stage's instructions with this upper-case keyword, in file order (do not modify the array). */
export function instructionsOf(stage: Stage, keyword: string): readonly Instruction[] {
  return stage.byKeyword.get(keyword) ?? NONE;
}

const NONE: readonly Instruction[] = [];

export interface RunCommandVisit {
  stage: Stage;
  run: Run;
  /** The command as written (wrappers such as sudo included). */
  command: ShellCommand;
  /** The command that actually runs (sudo/env/xargs looked through). */
  effective: ShellCommand;
  /** The commands of the same script, for pipeline checks. */
  script: RunScript;
  index: number;
}

/** Calls `visit` for every simple command of every RUN in every stage. */
export function forEachRunCommand(model: DockerfileModel, visit: (v: RunCommandVisit) => void): void {
  for (const v of runCommands(model).visits) visit(v);
}

/**
 * Calls `visit`, in file order, for the RUN commands whose program is accepted: the program
 * that actually runs (`sudo apt-get` -> `apt-get`), or as written with `{ written: true }`.
 * `accept` is asked once per distinct program of the file, not once per command: most rules
 * care about a handful of programs, and a file runs the same few programs over and over.
 */
export function forEachRunCommandOf(
  model: DockerfileModel,
  accept: ReadonlySet<string> | ((program: string) => boolean),
  visit: (v: RunCommandVisit) => void,
  { written = false }: { written?: boolean } = {},
): void {
  const index = runCommands(model);
  const groups = written ? (index.byWrittenProgram ??= groupByProgram(index.visits, (v) => v.command.program)) : index.byProgram;
  const matching: number[][] = [];
  for (const [program, positions] of groups) {
    if (typeof accept === 'function' ? accept(program) : accept.has(program)) matching.push(positions);
  }
  const positions = matching.length === 1 ? matching[0] : matching.flat().sort((a, b) => a - b);
  for (const position of positions) visit(index.visits[position]);
}

interface RunCommandIndex {
  visits: RunCommandVisit[];
  /** Positions in `visits` by effective program. */
  byProgram: Map<string, number[]>;
  /** Positions in `visits` by program as written; built when a rule first asks. */
  byWrittenProgram?: Map<string, number[]>;
}

// Most rules walk the RUN commands: list them once per model.
const runCommandCache = new WeakMap<DockerfileModel, RunCommandIndex>();

function runCommands(model: DockerfileModel): RunCommandIndex {
  let index = runCommandCache.get(model);
  if (index) return index;
  const visits: RunCommandVisit[] = [];
  for (const stage of model.stages) {
    for (const instruction of instructionsOf(stage, 'RUN')) {
      const run = instruction as Run;
      for (const script of runScripts(model, run)) {
        const commands = script.commands;
        for (let i = 0; i < commands.length; i++) visits.push({ stage, run, command: commands[i], effective: effectiveCommand(commands[i]), script, index: i });
      }
    }
  }
  index = { visits, byProgram: groupByProgram(visits, (v) => v.effective.program) };
  runCommandCache.set(model, index);
  return index;
}

function groupByProgram(visits: readonly RunCommandVisit[], programOfVisit: (v: RunCommandVisit) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  visits.forEach((v, position) => {
    const program = programOfVisit(v);
    const group = groups.get(program);
    if (group) group.push(position);
    else groups.set(program, [position]);
  });
  return groups;
}

/** File offsets of a shell word. */
export function wordOffsets(script: RunScript, word: ShellWord): [number, number] {
  return [script.offset + word.start, script.offset + word.end];
}

/** The name a command runs under, without its directory or `.exe` (`/usr/bin/curl` -> `curl`). */
export function programOf(command: ShellCommand): string {
  return command.program;
}

/**
 * Finds an option among a command's words: long options match `--name` and `--name=value`,
 * short ones also inside bundles (`-fsSLk` holds `-k`). `valued` lists the short options
 * that take a value: in `-ok` the `k` is the value of `-o`, not an option, and the word
 * after `-o` is skipped.
 */
export function findOption(command: ShellCommand, long: readonly string[], short: readonly string[] = [], valued = ''): ShellWord | undefined {
  const words = command.words;
  for (let i = 1; i < words.length; i++) {
    const v = words[i].value;
    if (v === '--') return undefined;
    if (long.some((name) => v === name || v.startsWith(`${name}=`))) return words[i];
    if (!/^-[A-Za-z0-9]+$/.test(v)) continue;
    const letters = bundleLetters(v, valued);
    if (short.some((s) => letters.includes(s))) return words[i];
    if (valued.includes(v[v.length - 1]) && letters.length === v.length - 1) i++;
  }
  return undefined;
}

/** The option letters of a short-option bundle, up to and including the first one taking a value. */
function bundleLetters(word: string, valued: string): string {
  let letters = '';
  for (const c of word.slice(1)) {
    letters += c;
    if (valued.includes(c)) break;
  }
  return letters;
}

/**
 * Removes an option from a command: one letter of a bundle (`-fsSLk` -> `-fsSL`), else the
 * whole word with the blank before it (or after it, at the start of a line).
 */
export function removeOptionEdit(text: string, script: RunScript, word: ShellWord, letter?: string): TextEdit {
  const [start, end] = wordOffsets(script, word);
  const written = text.slice(start, end);
  if (letter && /^-[A-Za-z0-9]{2,}$/.test(word.value)) {
    const at = start + written.indexOf(letter, written.indexOf('-') + 1);
    return { start: at, end: at + 1, newText: '' };
  }
  let from = start;
  while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  if (from < start && !/[\r\n]/.test(text[from - 1] ?? '\n')) return { start: from, end, newText: '' };
  let to = end;
  while (to < text.length && (text[to] === ' ' || text[to] === '\t')) to++;
  return { start, end: to, newText: '' };
}

/** The source arguments of ADD/COPY (flags and the destination excluded; JSON form too). */
export function sourcesOf(instruction: Instruction): string[] {
  const json = instruction instanceof JSONInstruction ? instruction.getJSONStrings() : [];
  const values = json.length > 0 ? json.map((j) => j.getJSONValue()) : argumentsOf(instruction).map((a) => a.getValue());
  const withoutFlags = values.filter((v) => !v.startsWith('--'));
  return withoutFlags.slice(0, -1);
}

export function isRemoteSource(source: string): boolean {
  return /^(https?|git|ssh):\/\//i.test(source) || /^git@/.test(source);
}

export interface ExposedPort {
  stage: Stage;
  instruction: Instruction;
  text: string;
  low: number;
  high: number;
  protocol?: string;
  valid: boolean;
  /** `$PORT` and friends are resolved at build time: not checked. */
  variable: boolean;
  start: number;
  end: number;
}

/** Every port of every EXPOSE: `80`, `8000-8010/tcp`, `53/udp`. */
export function exposedPorts(model: DockerfileModel): ExposedPort[] {
  const out: ExposedPort[] = [];
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      if (keywordOf(instruction) !== 'EXPOSE') continue;
      for (const arg of argumentsOf(instruction)) {
        const text = arg.getValue();
        const [start, end] = offsetRange(model, arg.getRange());
        const m = /^(\d+)(?:-(\d+))?(?:\/(\w+))?$/.exec(text);
        const low = m ? Number(m[1]) : NaN;
        const port: ExposedPort = { stage, instruction, text, low, high: m?.[2] ? Number(m[2]) : low, valid: !!m, variable: text.includes('$'), start, end };
        if (m?.[3]) port.protocol = m[3].toLowerCase();
        out.push(port);
      }
    }
  }
  return out;
}

export interface BaseImage {
  stage: Stage;
  /** The image after ARG substitution. */
  image: string;
  reference: ImageReference;
  /** Offsets of the image as written in FROM. */
  start: number;
  end: number;
}

/**
 * The external base images of the file: `scratch` and `FROM <earlier stage>` excluded, ARG
 * defaults substituted, unparseable references (unresolved `$VAR`) skipped rather than guessed.
 */
export function baseImages(model: DockerfileModel): readonly BaseImage[] {
  let images = baseImageCache.get(model);
  if (!images) {
    images = computeBaseImages(model);
    baseImageCache.set(model, images);
  }
  return images;
}

// Three rules read the base images: parse the references once per model.
const baseImageCache = new WeakMap<DockerfileModel, BaseImage[]>();

function computeBaseImages(model: DockerfileModel): BaseImage[] {
  const out: BaseImage[] = [];
  for (const stage of model.stages) {
    if (!stage.image || stage.fromStage || stage.image.toLowerCase() === 'scratch') continue;
    const reference = parseImageReference(stage.image);
    const range = stage.from.getImageRange();
    if (!reference || !range) continue;
    const [start, end] = offsetRange(model, range);
    out.push({ stage, image: stage.image, reference, start, end });
  }
  return out;
}

/** `apt-get install`, `apk add`, `pip install`...: the subcommand word after the program's options. */
export function subcommand(command: ShellCommand): ShellWord | undefined {
  const words = command.words;
  for (let i = 1; i < words.length; i++) if (!words[i].value.startsWith('-')) return words[i];
  return undefined;
}

/** Package arguments of an install command: words after the subcommand that are not options. */
export function packageArguments(command: ShellCommand): ShellWord[] {
  const sub = subcommand(command);
  if (!sub) return [];
  const after = command.words.slice(command.words.indexOf(sub) + 1);
  const out: ShellWord[] = [];
  for (let i = 0; i < after.length; i++) {
    const v = after[i].value;
    // Options that take a separate value: skip the value too.
    if (/^(-o|-t|--target-release|-r|--requirement|-c|--constraint|-i|--index-url|--extra-index-url|-f|--find-links|-X|--repository|--virtual|-v|--version)$/.test(v)) i++;
    else if (!v.startsWith('-')) out.push(after[i]);
  }
  return out;
}

/** Is `program subcommand` one of the given install commands, e.g. ['apt-get install', 'apk add']? */
export function isInstall(command: ShellCommand, forms: readonly string[]): boolean {
  // Asked of every command by several rules: compare in place rather than build `${program} ${sub}`.
  const program = command.program;
  if (!forms.some((form) => form.length > program.length && form.startsWith(program) && form[program.length] === ' ')) return false;
  const sub = subcommand(command)?.value;
  return sub !== undefined && forms.some((form) => form.length === program.length + 1 + sub.length && form[program.length] === ' ' && form.startsWith(program) && form.endsWith(sub));
}
