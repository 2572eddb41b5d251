/**
 * Reads a password without echoing it. Passwords never come from argv (they would show in `ps`
 * and in shell history): from KLUIS_PASSWORD, or from this prompt on a terminal.
 */
import { stderr, stdin } from 'node:process';
import { CliError, EXIT } from './output';

export function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!stdin.isTTY) {
      reject(new Error('Set KLUIS_PASSWORD, or run this command in a terminal to be asked for the password.'));
      return;
    }
    // Echo off before the question shows, so what is typed the moment it appears stays hidden. The
    // question goes to stderr: stdout is the command's answer (`--json`), maybe a file or a pipe.
    stdin.setRawMode(true);
    stderr.write(question);
    stdin.resume();
    stdin.setEncoding('utf8');
    let entered = '';
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      if (error) reject(error);
      else resolve(entered);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        // Ctrl+C arrives as a character in raw mode, not as SIGINT: ended as the signal would end it.
        if (char === '\u0003') return finish(new CliError('Cancelled.', EXIT.cancelled));
        if (char === '\u007f' || char === '\b') entered = entered.slice(0, -1);
        else entered += char;
      }
    };
    stdin.on('data', onData);
  });
}

export async function readPassword(options: { confirm: boolean }): Promise<string> {
  const fromEnv = process.env.KLUIS_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const password = await promptHidden('Password: ');
  if (options.confirm && (await promptHidden('Password again: ')) !== password) {
    throw new Error('The two passwords differ.');
  }
  return password;
}
