/**
 * The admin CLI: `npm run --silent admin -- <command> [options]`. Plain Node on the same core and
 * dispatcher as the app; it never loads Electron.
 */
import { parseArgs } from 'node:util';
import { commands, type Command } from './cli/commands';
import { CliError, EXIT } from './cli/output';

function help(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: npm run --silent admin -- <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run a command with --help for its options. Passwords come from KLUIS_PASSWORD or a hidden prompt,',
    'never from the command line. Exit codes: 0 done, 1 error, 2 wrong credentials, 130 cancelled.',
  ].join('\n');
}

function commandHelp(name: string, command: Command): string {
  const options = Object.entries(command.options).map(
    ([option, spec]) => `  --${option.padEnd(18)} ${spec.description}${spec.required ? ' (required)' : ''}`,
  );
  return [`Usage: npm run --silent admin -- ${command.usage}`, '', command.summary, '', 'Options:', ...options].join(
    '\n',
  );
}

/**
 * `--contacts -5` as `--contacts=-5`: parseArgs takes a value that starts with a dash for an option
 * and calls it ambiguous, so the command's own check could not say what it accepts.
 */
function withNegativeValues(args: string[], command: Command): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    const option = arg.startsWith('--') && !arg.includes('=') ? command.options[arg.slice(2)] : undefined;
    if (option?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}

/** Edits (insert, delete, replace, swap two neighbours) from one word to the other. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The command (or group) a typo most likely meant: "stauts" is "status". Two edits at most. */
function nearestCommand(typed: string): string | undefined {
  const words = [...new Set(Object.keys(commands).map((known) => known.split(' ')[0]!))];
  const scored = words.map((word) => ({ word, distance: editDistance(typed.toLowerCase(), word) })).sort((x, y) => x.distance - y.distance);
  return scored[0] && scored[0].distance <= 2 ? scored[0].word : undefined;
}

async function main(argv: string[]): Promise<number> {
  const [first, ...afterFirst] = argv;
  if (!first || first === '--help' || first === '-h' || first === 'help') {
    // Asked for, the help is the answer (stdout); without a command it goes with the error (stderr).
    (first ? process.stdout : process.stderr).write(`${help()}\n`);
    return first ? EXIT.ok : EXIT.error;
  }
  // Two-word commands ("user add", "audit verify") take their second word from argv too.
  const twoWords = afterFirst[0] && !afterFirst[0].startsWith('-') ? `${first} ${afterFirst[0]}` : null;
  const name = twoWords && commands[twoWords] ? twoWords : first;
  const rest = name === twoWords ? afterFirst.slice(1) : afterFirst;
  const command = commands[name];
  if (!command) {
    // "user" or "audit" alone, or with --help: the commands of that group.
    const group = Object.keys(commands).filter((known) => known.startsWith(`${first} `));
    if (group.length > 0) {
      const list = group.map((known) => `  ${known.padEnd(20)}  ${commands[known]?.summary.split('. ')[0] ?? ''}`).join('\n');
      const asked = afterFirst[0] === '--help' || afterFirst[0] === '-h';
      if (asked) {
        process.stdout.write(`The ${first} commands:\n${list}\n`);
        return EXIT.ok;
      }
      throw new CliError(`"${argv.slice(0, 2).join(' ')}" is not a command. The ${first} commands: ${group.join(', ')}.`);
    }
    const near = nearestCommand(first);
    throw new CliError(`Unknown command "${first}".${near ? ` Did you mean "${near}"?` : ''} Run with --help to see the commands.`);
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${commandHelp(name, command)}\n`);
    return EXIT.ok;
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    const options = Object.fromEntries(Object.entries(command.options).map(([key, spec]) => [key, { type: spec.type }]));
    const parsed = parseArgs({ args: withNegativeValues(rest, command), options, strict: true, allowPositionals: command.positional !== undefined });
    values = parsed.values;
    if (parsed.positionals.length > 1) throw new Error(`Unexpected argument "${parsed.positionals[1]}"`);
    if (command.positional && parsed.positionals[0] !== undefined) {
      if (values[command.positional] !== undefined) throw new Error(`Give the ${command.positional} once`);
      values[command.positional] = parsed.positionals[0];
    }
  } catch (error) {
    throw new CliError(`${((error as Error).message.split('\n')[0] ?? '').replace(/\.+$/, '')}. Run "${name} --help" for its options.`);
  }
  const missing = Object.entries(command.options).find(([key, spec]) => spec.required && !values[key]);
  if (missing) throw new CliError(`--${missing[0]} is required. Run "${name} --help" for its options.`);
  // A blank one is said as the core says it: `--data "   "` would otherwise make a folder named by spaces.
  const blank = Object.entries(command.options).find(([key, spec]) => spec.type === 'string' && typeof values[key] === 'string' && values[key].trim() === '');
  if (blank) throw new CliError(`--${blank[0]} is empty.`);
  return (await command.run(values)) ?? EXIT.ok;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`kluis: ${message}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : EXIT.error;
  },
);
