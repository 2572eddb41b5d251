/**
 * The CLI is one more caller of the dispatcher: same schemas, same rights, same errors as the app.
 */
import type { ChannelInput, ChannelOutput } from '../../shared/api';
import type { ChannelName } from '../../shared/channels';
import { createDispatcher, type Dispatcher } from '../core/dispatch';
import { openKluis, type KluisCore } from '../core/kluis';
import { looksLikeRecoveryCode } from '../core/auth/recoveryCodes';
import { KluisError } from '../core/errors';
import { readPassword } from './prompt';
import { CliError, EXIT, fromApiError } from './output';

export interface CliSession {
  core: KluisCore;
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  close(): Promise<void>;
}

export async function openCli(dataDir: string): Promise<CliSession> {
  const core = await openKluis({ dataDir });
  const dispatcher: Dispatcher = createDispatcher(core, { trustedOrigins: [] });
  return {
    core,
    async call(channel, input) {
      const result = await dispatcher.dispatch(channel, input, { kind: 'cli' });
      if (!result.ok) throw fromApiError(result.error, channel);
      return result.value as ChannelOutput<typeof channel>;
    },
    close: () => core.close(),
  };
}

/**
 * Runs a check of the core that needs no session (an input's schema, a backup folder) before the
 * sign-in, so a mistyped option is refused before it spends the admin's code. The core checks the
 * same again when the call comes; a refusal reads as the call's own would.
 */
export function checkBeforeSignIn(channel: ChannelName, check: () => unknown): void {
  try {
    check();
  } catch (error) {
    if (error instanceof KluisError) throw fromApiError(error.toApiError(), channel);
    throw error;
  }
}

/**
 * Signs in with KLUIS_USER, KLUIS_PASSWORD (or a prompt) and the second factor from KLUIS_TOTP — a
 * current authenticator code or a recovery code. A code entered here also counts as the fresh code
 * that sensitive commands ask for.
 */
export async function signInFromEnvironment(cli: CliSession, options: { freshCode?: boolean } = {}): Promise<void> {
  const username = process.env.KLUIS_USER;
  if (!username) throw new CliError('Set KLUIS_USER to the username to sign in with.');
  // A recovery code would sign in and be used up, and the command would still be refused.
  if (options.freshCode && looksLikeRecoveryCode(process.env.KLUIS_TOTP ?? '')) {
    throw new CliError('This command needs a fresh code from your authenticator app, and a recovery code is not one: set KLUIS_TOTP to the 6 digits the app shows. Your recovery code was not used.');
  }
  const password = await readPassword({ confirm: false });
  let progress = await cli.call('session.signIn', { username, password });
  if (progress.next === 'code') {
    const code = process.env.KLUIS_TOTP?.trim();
    if (!code) throw new CliError('Set KLUIS_TOTP to a current code from your authenticator app.');
    // The wall takes 6 to 32 characters; anything else is no code at all, said in plain words. It
    // is still a failed second step: counted, slowed down and audited as a wrong code, and answered
    // with the exit code of one (2), so scripts and the throttle cannot tell the two apart.
    if (code.length < 6 || code.length > 32) {
      await failSecondStep(cli);
      throw new CliError('KLUIS_TOTP is not a code: use the 6 digits your authenticator app shows, or a recovery code.', EXIT.wrongCredentials);
    }
    progress = await cli.call('session.verifyCode', { code });
  }
  if (progress.next !== 'done') {
    throw new CliError('This account has not finished its first sign-in: sign in once in the app to set a password and an authenticator.');
  }
}

/**
 * Ends the half-done sign-in as a wrong code does, through the core's own second step: the wall's
 * schema would refuse a code of the wrong length before the core could count it. The core gets an
 * empty code, never the malformed one (which, spaced out past 32 characters, could read as a
 * recovery code the wall must not take), and no code can match that.
 */
async function failSecondStep(cli: CliSession): Promise<void> {
  await cli.core.verifyCode('').then(
    () => {
      throw new Error('An empty code was taken for a second factor.');
    },
    (error: unknown) => {
      if (!(error instanceof KluisError && error.code === 'UNAUTHENTICATED')) throw error;
    },
  );
}
