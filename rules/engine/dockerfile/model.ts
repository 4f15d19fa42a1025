/**
 * The Dockerfile view rules work on: build stages (FROM ... up to the next FROM), the
 * final stage, global ARG defaults substituted into FROM, and RUN scripts tokenized with
 * offsets into the file. Parsing is done by dockerfile-ast, the parser behind the Docker
 * language server.
 */
import { DockerfileParser, ModifiableInstruction, PropertyInstruction, type Property, type Argument, type Dockerfile, type Flag, type From, type Instruction, type Run } from 'dockerfile-ast';
import { LineIndex } from '../text';
import type { Range } from '../types';
import { parseShell, programName, type ShellCommand } from './shell';

export interface Stage {
  index: number;
  from: From;
  /** `AS name`, lower-cased as Docker compares it. */
  name?: string;
  /** The instructions after FROM, up to the next FROM. */
  instructions: Instruction[];
  /**
   * The same instructions by upper-case keyword, in file order: most rules look at one or two
   * keywords, and a lookup here spares them a pass over every instruction.
   */
  byKeyword: Map<string, Instruction[]>;
  /** The base image with global ARG defaults substituted (`${BASE}:${TAG}` -> `node:20`). */
  image?: string;
  /** True when the base is another stage of this file (`FROM builder`). */
  fromStage: boolean;
  /** The stage this one is built on, when `fromStage`. */
  parent?: Stage;
}

export interface DockerfileModel {
  ast: Dockerfile;
  text: string;
  lines: LineIndex;
  escape: string;
  stages: Stage[];
  /** ARG instructions before the first FROM, with their defaults. */
  globalArgs: Map<string, string | undefined>;
}

export interface RunScript {
  /** Offset in the file of the tokenized text. */
  offset: number;
  commands: ShellCommand[];
  /**
   * Whether fixes may splice shell text at word offsets. False for an exec-form RUN that runs
   * a program directly (`RUN ["apt-get", ...]`, words are JSON strings) and for an
   * exec-form `sh -c` script with JSON escapes (offsets are then approximate).
   */
  editable: boolean;
}

export function parseDockerfileModel(text: string): DockerfileModel {
  const ast = DockerfileParser.parse(text);
  const lines = new LineIndex(text);
  const globalArgs = new Map<string, string | undefined>();
  for (const arg of ast.getInitialARGs()) {
    for (const p of propertiesOf(arg)) globalArgs.set(p.getName(), p.getValue() ?? undefined);
  }
  const stages: Stage[] = [];
  for (const instruction of ast.getInstructions()) {
    const keyword = instruction.getKeyword();
    instructionCache.set(instruction, newCache(keyword));
    if (keyword === 'FROM') {
      const from = instruction as From;
      const name = from.getBuildStage()?.toLowerCase();
      const image = substitute(from.getImage() ?? undefined, globalArgs);
      const parent = image === undefined ? undefined : stages.find((s) => s.name === image.toLowerCase());
      stages.push({ index: stages.length, from, ...(name ? { name } : {}), instructions: [], byKeyword: new Map(), ...(image ? { image } : {}), fromStage: !!parent, ...(parent ? { parent } : {}) });
    } else if (stages.length > 0) {
      const stage = stages[stages.length - 1];
      stage.instructions.push(instruction);
      const same = stage.byKeyword.get(keyword);
      if (same) same.push(instruction);
      else stage.byKeyword.set(keyword, [instruction]);
    }
  }
  return { ast, text, lines, escape: ast.getEscapeCharacter(), stages, globalArgs };
}

/** Substitutes `$VAR`, `${VAR}`, `${VAR:-default}` and `${VAR-default}` from ARG defaults. */
export function substitute(value: string | undefined, args: Map<string, string | undefined>): string | undefined {
  if (value === undefined) return undefined;
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, braced, fallback, bare) => {
    const name = braced ?? bare;
    const v = args.get(name);
    return v !== undefined && v !== '' ? v : (fallback ?? '');
  });
}

export function finalStage(model: DockerfileModel): Stage | undefined {
  return model.stages[model.stages.length - 1];
}

/** The stage and the stages it is built on, nearest first (`FROM base` inherits USER, ENV...). */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !chain.includes(s); s = s.parent) chain.push(s);
  return chain;
}

/** The stages whose layers end up in the image: the final stage and the stages it builds on. */
export function shippedStages(model: DockerfileModel): Set<Stage> {
  const last = finalStage(model);
  return new Set(last ? stageChain(last) : []);
}

/** The external image a stage is ultimately built on (through `FROM <stage>` chains). */
export function rootImage(stage: Stage): string | undefined {
  const chain = stageChain(stage);
  return chain[chain.length - 1].image;
}

/** Windows images name their users (`ContainerUser`) and use the backtick escape. */
export function isWindowsStage(model: DockerfileModel, stage: Stage): boolean {
  return model.escape === '`' || /windows|nanoserver|servercore/i.test(rootImage(stage) ?? '');
}

export function offsetRange(model: DockerfileModel, range: Range): [number, number] {
  return [model.lines.offsetAt(range.start), model.lines.offsetAt(range.end)];
}

// dockerfile-ast getters re-scan the instruction's text on every call, and every rule asks
// for the same values: they are computed once per instruction, in one record per
// instruction (one weak-map entry rather than one per value; the AST objects are per-parse,
// so the records die with the model).
interface InstructionCache {
  keyword: string;
  arguments: Argument[] | undefined;
  flags: Flag[] | undefined;
  properties: Property[] | undefined;
  runScripts: RunScript[] | undefined;
}

/** Every field present from the start, so all records share one object shape. */
function newCache(keyword: string): InstructionCache {
  return { keyword, arguments: undefined, flags: undefined, properties: undefined, runScripts: undefined };
}

const instructionCache = new WeakMap<Instruction, InstructionCache>();

/** The record of an instruction; the model creates them all, this covers strays. */
function cacheOf(instruction: Instruction): InstructionCache {
  let cache = instructionCache.get(instruction);
  if (!cache) {
    cache = newCache(instruction.getKeyword());
    instructionCache.set(instruction, cache);
  }
  return cache;
}

/** `instruction.getKeyword()` (upper-cased on every call by dockerfile-ast), computed once. */
export function keywordOf(instruction: Instruction): string {
  return cacheOf(instruction).keyword;
}

/** The `NAME=value` properties of ENV, ARG and LABEL, computed once; none for other instructions. */
export function propertiesOf(instruction: Instruction): Property[] {
  const cache = cacheOf(instruction);
  return (cache.properties ??= instruction instanceof PropertyInstruction ? instruction.getProperties() : []);
}

/** `instruction.getArguments()`, computed once. */
export function argumentsOf(instruction: Instruction): Argument[] {
  const cache = cacheOf(instruction);
  return (cache.arguments ??= instruction.getArguments());
}

/** The `--name=value` flags of RUN, ADD, COPY, FROM...; none for other instructions. */
export function flagsOf(instruction: Instruction): Flag[] {
  const cache = cacheOf(instruction);
  return (cache.flags ??= instruction instanceof ModifiableInstruction ? instruction.getFlags() : []);
}

/**
 * The shell scripts a RUN executes, tokenized: the heredoc bodies when it has them, the
 * `sh -c` script of an exec-form RUN, else its arguments after the flags. Computed once per RUN.
 */
export function runScripts(model: DockerfileModel, run: Run): RunScript[] {
  const cache = cacheOf(run);
  return (cache.runScripts ??= computeRunScripts(model, run));
}

function computeRunScripts(model: DockerfileModel, run: Run): RunScript[] {
  // getHeredocs() re-scans the arguments: skip it when no `<<` can start one.
  const [runStart, runEnd] = offsetRange(model, run.getRange());
  const heredocs = model.text.slice(runStart, runEnd).includes('<<') ? run.getHeredocs() : [];
  if (heredocs.length > 0) {
    return heredocs.flatMap((h) => {
      const r = h.getContentRange();
      if (!r) return [];
      const [start, end] = offsetRange(model, r);
      return [{ offset: start, commands: parseShell(model.text.slice(start, end), model.escape), editable: true }];
    });
  }
  const json = run.getJSONStrings();
  if (json.length > 0) return execFormScript(model, json);
  return [shellFormScript(model, run)];
}

/**
 * Tokenizes the text after the keyword directly (getArguments() would re-scan it), then
 * drops the leading `--mount=...`-style flags, which BuildKit reads before the shell runs.
 */
function shellFormScript(model: DockerfileModel, run: Run): RunScript {
  const [, start] = offsetRange(model, run.getInstructionRange());
  const [, end] = offsetRange(model, run.getRange());
  const commands = parseShell(model.text.slice(start, end), model.escape);
  const first = commands[0];
  if (first && first.assignments.length === 0) {
    let flags = 0;
    while (flags < first.words.length && first.words[flags].value.startsWith('--')) flags++;
    if (flags > 0) {
      // `RUN --mount=... FOO=1 cmd`: the assignment was read as a word after the flag.
      let names = flags;
      while (names < first.words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(first.words[names].value)) names++;
      first.assignments = first.words.slice(flags, names);
      first.words = first.words.slice(names);
      first.program = programName(first.words);
      if (first.words.length === 0 && first.assignments.length === 0) commands.shift();
    }
  }
  return { offset: start, commands, editable: true };
}

function execFormScript(model: DockerfileModel, json: ReturnType<Run['getJSONStrings']>): RunScript[] {
  // dockerfile-ast's getJSONValue() drops spaces inside strings, so decode the source text.
  const parts = json.map((j) => {
    const [start, end] = offsetRange(model, j.getRange());
    return { start, end, value: decodeJsonString(model.text.slice(start, end)) };
  });
  const shells = new Set(['sh', 'bash', '/bin/sh', '/bin/bash', 'ash', 'dash', 'zsh']);
  if (parts.length >= 3 && shells.has(parts[0].value) && parts[1].value === '-c') {
    // Offsets are exact when the script has no JSON escapes, which is the usual case.
    const exact = !model.text.slice(parts[2].start, parts[2].end).includes('\\');
    return [{ offset: parts[2].start + 1, commands: parseShell(parts[2].value, model.escape), editable: exact }];
  }
  const base = parts[0].start;
  const words = parts.map((p) => ({ value: p.value, start: p.start - base, end: p.end - base }));
  return [{ offset: base, commands: [{ assignments: [], words, pipedFromPrevious: false, program: programName(words) }], editable: false }];
}

function decodeJsonString(source: string): string {
  try {
    const value: unknown = JSON.parse(source);
    return typeof value === 'string' ? value : source;
  } catch {
    return source.replace(/^"|"$/g, '');
  }
}
