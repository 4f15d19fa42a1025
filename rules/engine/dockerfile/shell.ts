/**
 * A small POSIX shell tokenizer for Dockerfile RUN instructions. It knows quotes, escapes,
 * line continuations, comments, `$(...)`/backticks, redirections and the command
 * separators (`&&`, `||`, `;`, `|`, `&`, newlines), and keeps every word's offsets, so that
 * rules match real commands (`curl ... | sh`) and not substrings (`echo "curl x | sh"`),
 * and can underline exactly the offending flag.
 */

export interface ShellWord {
  /** The word with quotes and escapes removed. */
  value: string;
  /** Offsets into the tokenized text, covering the word as written (quotes included). */
  start: number;
  end: number;
}

export interface ShellCommand {
  /** Leading `NAME=value` assignments. */
  assignments: ShellWord[];
  /** The command name and its arguments (redirection targets excluded). */
  words: ShellWord[];
  /** True when the previous command's output is piped into this one (`a | b`). */
  pipedFromPrevious: boolean;
  /**
   * The name the command runs under, without its directory or `.exe` (`/usr/bin/curl` and
   * `C:\\tools\\curl.exe` -> `curl`), '' when there is no command word. Every RUN rule asks
   * for it, so it is computed once when the command is built; whoever replaces `words`
   * sets it again with `programName`.
   */
  program: string;
}

const EXE = /\.exe$/i;

/** The program a command's first word runs (see ShellCommand.program). */
export function programName(words: readonly ShellWord[]): string {
  const first = words.length > 0 ? words[0].value : '';
  // Windows images run `curl.exe` and `C:\\tools\\wget.exe`.
  const name = first.slice(Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\')) + 1);
  return EXE.test(name) ? name.slice(0, -4) : name;
}

/**
 * A word, a separator (`&&`, `;`, `|`, newline...) or a redirection operator. Words are the
 * ShellWord itself and operators plain strings, so a token costs no wrapper object.
 */
type Token = ShellWord | string | typeof REDIRECT;

const REDIRECT = Symbol('redirect');

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * Splits a script into simple commands. `continuation` is the Dockerfile escape character
 * (`\` or `` ` ``): escape + newline joins lines, and lines that are entirely comments
 * inside a continued instruction are skipped, as BuildKit does.
 */
export function parseShell(script: string, continuation = '\\'): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let current: ShellCommand = { assignments: [], words: [], pipedFromPrevious: false, program: '' };
  let redirectPending = false;
  for (const token of tokenize(script, continuation)) {
    if (token === REDIRECT) {
      redirectPending = true;
      continue;
    }
    if (typeof token === 'string') {
      if (current.words.length > 0 || current.assignments.length > 0) commands.push(withProgram(current));
      current = { assignments: [], words: [], pipedFromPrevious: token === '|' || token === '|&', program: '' };
      redirectPending = false;
      continue;
    }
    if (redirectPending) {
      redirectPending = false;
      continue;
    }
    if (current.words.length === 0 && ASSIGNMENT.test(token.value)) current.assignments.push(token);
    else current.words.push(token);
  }
  if (current.words.length > 0 || current.assignments.length > 0) commands.push(withProgram(current));
  return commands;
}

function withProgram(command: ShellCommand): ShellCommand {
  command.program = programName(command.words);
  return command;
}

/** The script's tokens, in order (an array: generators cost more than the tokenizing itself). */
function tokenize(s: string, esc: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === esc && (s[i + 1] === '\n' || (s[i + 1] === '\r' && s[i + 2] === '\n'))) {
      i += s[i + 1] === '\r' ? 3 : 2;
      i = skipCommentLines(s, i);
      continue;
    }
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '\n' || c === '\r') {
      i++;
      tokens.push('\n');
      continue;
    }
    if (c === '#') {
      while (i < s.length && s[i] !== '\n') i++;
      continue;
    }
    const op = operatorAt(s, i);
    if (op) {
      i += op.length;
      tokens.push(isRedirect(op) ? REDIRECT : op);
      continue;
    }
    const word = readWord(s, i, esc);
    i = word.end;
    tokens.push(word);
  }
  return tokens;
}

/** `>`, `2>&1`, `<<<`, `&>>`...: the operators that redirect rather than separate commands. */
function isRedirect(op: string): boolean {
  const c = op[0];
  return c === '<' || c === '>' || (c >= '0' && c <= '9') || op === '&>' || op === '&>>';
}

/** Inside a continued instruction, whole-line comments are removed before the shell runs. */
function skipCommentLines(s: string, i: number): number {
  let j = i;
  for (;;) {
    let k = j;
    while (s[k] === ' ' || s[k] === '\t') k++;
    if (s[k] !== '#') return j;
    while (k < s.length && s[k] !== '\n') k++;
    j = k + 1;
  }
}

/** The operators by first character, longest first. */
const OPERATORS_BY_START: Readonly<Record<string, readonly string[]>> = {
  '&': ['&&', '&>>', '&>', '&'],
  '|': ['||', '|&', '|'],
  ';': [';;', ';'],
  '(': ['('],
  ')': [')'],
  '>': ['>>', '>&', '>|', '>'],
  '<': ['<<<', '<&', '<>', '<'],
};

function operatorAt(s: string, i: number): string | undefined {
  const c = s[i];
  if (c >= '0' && c <= '9') {
    // A file-descriptor redirect such as `2>&1` or `2>/dev/null`.
    const fd = /^[0-9]+(?:>>|>&|<&|>|<)/.exec(s.slice(i, i + 4));
    return fd?.[0];
  }
  const candidates = OPERATORS_BY_START[c];
  if (candidates === undefined) return undefined;
  for (const op of candidates) if (op.length === 1 || s.startsWith(op, i)) return op;
  return undefined;
}

/** Character classes of readWord, by char code (all of them ASCII). */
const WORD_END = 1;
/** Characters readWord handles one by one: escapes, quotes and substitutions. */
const SPECIAL = 2;
const CHAR_CLASS = new Uint8Array(128);
for (const c of ' \t\n\r;&|()<>') CHAR_CLASS[c.charCodeAt(0)] = WORD_END;
for (const c of '\\\'"$`') CHAR_CLASS[c.charCodeAt(0)] = SPECIAL;

function charClass(s: string, i: number): number {
  const code = s.charCodeAt(i);
  return code < 128 ? CHAR_CLASS[code] : 0;
}

function readWord(s: string, start: number, esc: string): ShellWord {
  let i = start;
  let value = '';
  const escCode = esc.charCodeAt(0);
  while (i < s.length && charClass(s, i) !== WORD_END) {
    const c = s[i];
    if (c === esc && (s[i + 1] === '\n' || s[i + 1] === '\r')) {
      i += s[i + 1] === '\r' && s[i + 2] === '\n' ? 3 : 2;
      i = skipCommentLines(s, i);
    } else if (c === '\\') {
      value += s[i + 1] ?? '';
      i += 2;
    } else if (c === "'") {
      const close = s.indexOf("'", i + 1);
      const end = close === -1 ? s.length : close;
      value += s.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      const [text, next] = readDoubleQuoted(s, i + 1);
      value += text;
      i = next;
    } else if (c === '$' && s[i + 1] === '(') {
      const end = matchingParen(s, i + 1);
      value += s.slice(i, end);
      i = end;
    } else if (c === '`') {
      const close = s.indexOf('`', i + 1);
      const end = close === -1 ? s.length : close + 1;
      value += s.slice(i, end);
      i = end;
    } else {
      // A run of ordinary characters, appended at once.
      let j = i + 1;
      while (j < s.length && charClass(s, j) === 0 && s.charCodeAt(j) !== escCode) j++;
      value += s.slice(i, j);
      i = j;
    }
  }
  return { value, start, end: Math.min(i, s.length) };
}

function readDoubleQuoted(s: string, i: number): [string, number] {
  let value = '';
  while (i < s.length && s[i] !== '"') {
    if (s[i] === '\\' && i + 1 < s.length && '"\\$`\n'.includes(s[i + 1])) {
      if (s[i + 1] !== '\n') value += s[i + 1];
      i += 2;
    } else if (s[i] === '$' && s[i + 1] === '(') {
      const end = matchingParen(s, i + 1);
      value += s.slice(i, end);
      i = end;
    } else {
      // A run of characters with no meaning inside double quotes, appended at once.
      let j = i + 1;
      while (j < s.length && s[j] !== '"' && s[j] !== '\\' && s[j] !== '$') j++;
      value += s.slice(i, j);
      i = j;
    }
  }
  return [value, i + 1];
}

/** Index just past the `)` that closes the `(` at `open`, quotes respected. */
function matchingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === "'") i = Math.max(i, s.indexOf("'", i + 1));
    else if (c === '"') i = readDoubleQuoted(s, i + 1)[1] - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
    if (i < 0) break;
  }
  return s.length;
}

/** The command name without a path (`/usr/bin/curl` -> `curl`). */
export function commandName(command: ShellCommand): string | undefined {
  const first = command.words[0]?.value;
  return first === undefined ? undefined : first.slice(first.lastIndexOf('/') + 1);
}

/**
 * The command that actually runs, looking through wrappers such as `sudo`, `env`,
 * `exec`, `nohup`, `time` and `xargs` (whose own options are skipped).
 */
const WRAPPERS = new Set(['sudo', 'env', 'exec', 'nohup', 'time', 'xargs', 'nice', 'command', 'builtin']);

export function effectiveCommand(command: ShellCommand): ShellCommand {
  const wrappers = WRAPPERS;
  let words = command.words;
  if (words.length < 2 || !wrappers.has(words[0].value.slice(words[0].value.lastIndexOf('/') + 1))) return command;
  while (words.length > 1 && wrappers.has(words[0].value.slice(words[0].value.lastIndexOf('/') + 1))) {
    let k = 1;
    while (k < words.length && (words[k].value.startsWith('-') || ASSIGNMENT.test(words[k].value))) k++;
    words = words.slice(k);
  }
  return words === command.words ? command : { ...command, words, program: programName(words) };
}
