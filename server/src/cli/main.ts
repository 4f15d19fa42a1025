/**
 * The `palisade` command. User mistakes (bad options, invalid config, missing paths) print one
 * `error:` line per problem and exit 2; so do unexpected failures, whose stack trace is shown
 * only with PALISADE_DEBUG=1.
 */
import { EXIT, parseCliArgs, UsageError } from './args';
import { HELP } from './help';
import { formatRules } from './rules-command';
import { runScan, type CliIo } from './scan-command';
import { PALISADE_VERSION } from '../formats/tool';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    switch (args.command) {
      case 'help':
        io.stdout.write(HELP);
        return EXIT.ok;
      case 'version':
        io.stdout.write(`${PALISADE_VERSION}\n`);
        return EXIT.ok;
      case 'rules':
        io.stdout.write(formatRules(args));
        return EXIT.ok;
      case 'scan':
        return await runScan(args, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`error: ${error.message}\nRun "palisade --help" for usage.\n`);
      return EXIT.error;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`error: internal error: ${message}\n`);
    if (io.env.PALISADE_DEBUG === '1' && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    else io.stderr.write('Set PALISADE_DEBUG=1 to see the stack trace, and please report it.\n');
    return EXIT.error;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function main(): void {
  // A reader that stops early (`palisade scan | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const io: CliIo = { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, readStdin };
  void run(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) main();
