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
    'never from the command line. Exit codes: 0 done, 1 error, 2 wrong credentials.',
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
    throw new CliError(`Unknown command "${argv.slice(0, 2).join(' ')}". Run with --help to see the commands.`);
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
