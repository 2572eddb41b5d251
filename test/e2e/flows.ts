/** Steps several specs share, written the way a user does them: through labels and buttons. */
import type { Page } from '@playwright/test';
import { generate } from 'otplib';
import type { ChannelInput, ChannelOutput } from '../../shared/api';
import { CHANNEL_NAMES, type ChannelName } from '../../shared/channels';
import type { Result } from '../../shared/errors';
import { expect } from './fixtures';
import { provisionedInstall } from './provisioned';
import { ACCOUNT, type Account } from './testAccount';

export { ACCOUNT, type Account } from './testAccount';

export const WRONG_CREDENTIALS = 'Wrong username, password or code';

const TOTP_PERIOD = 30;

/**
 * The test's authenticator app: it computes TOTP codes from the secret shown on screen, like a
 * phone would. The core accepts the previous, current and next 30-second step, and refuses a step
 * at or before the last one used (replay), so every code this hands out is for a later step than
 * the one before — the earliest step the core will still accept when the code arrives.
 */
export class Authenticator {
  private lastStep = -Infinity;

  constructor(readonly secret: string) {}

  /** The code for one exact step, for tests that pick the step themselves. */
  static async codeAt(secret: string, epochSeconds: number): Promise<string> {
    return generate({ secret, epoch: Math.floor(epochSeconds) });
  }

  /** Marks a step as used by a code the test entered itself. */
  used(epochSeconds: number): void {
    this.lastStep = Math.max(this.lastStep, Math.floor(epochSeconds / TOTP_PERIOD));
  }

  async nextCode(): Promise<string> {
    for (;;) {
      const now = Date.now() / 1000;
      const current = Math.floor(now / TOTP_PERIOD);
      const intoStep = now - current * TOTP_PERIOD;
      // The previous step is safe only while the clock cannot pass another boundary before the
      // core checks the code (it arrives within seconds).
      const earliest = intoStep < 20 ? current - 1 : current;
      const step = Math.max(earliest, this.lastStep + 1);
      if (step <= current + 1) {
        this.lastStep = step;
        return Authenticator.codeAt(this.secret, step * TOTP_PERIOD);
      }
      // Every acceptable step is used up: the test waits for the clock, as a person would.
      await new Promise((resolve) => setTimeout(resolve, ((step - 1) * TOTP_PERIOD - now) * 1000 + 250));
    }
  }
}

export async function fillSetup(page: Page, account: Account, passwordAgain = account.password): Promise<void> {
  await page.getByLabel('Organisation name').fill(account.orgName);
  await page.getByLabel('Administrator username').fill(account.username);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByLabel('Password again').fill(passwordAgain);
}

/** Runs first-run setup in English and waits for the sign-in screen that follows it. */
export async function setUpInstall(page: Page, account: Account = ACCOUNT): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Set up Kluis' })).toBeVisible();
  await fillSetup(page, account);
  await page.getByRole('button', { name: 'Set up Kluis' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

/** Step one of sign-in: username and password. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Step two: the code screen takes a TOTP code or a recovery code. */
export async function enterCode(page: Page, code: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Enter your code' })).toBeVisible();
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Both steps; `code` is a string or made when the code screen is there (so it is fresh). */
export async function signInWithCode(
  page: Page,
  username: string,
  password: string,
  code: string | (() => Promise<string>),
): Promise<void> {
  await signIn(page, username, password);
  await expect(page.getByRole('heading', { name: 'Enter your code' })).toBeVisible();
  await enterCode(page, typeof code === 'string' ? code : await code());
}

export async function expectHome(page: Page, orgName: string = ACCOUNT.orgName): Promise<void> {
  await expect(page.getByRole('banner').getByRole('heading', { level: 1, name: orgName })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

/** The TOTP secret as the enrolment screen shows it, without the spaces between the blocks. */
export async function readShownSecret(page: Page): Promise<string> {
  const shown = await page.getByLabel('Key to type in by hand').inputValue();
  expect(shown).toMatch(/^([A-Z2-7]{1,4} )*[A-Z2-7]{1,4}$/);
  return shown.replace(/\s+/g, '');
}

export async function readRecoveryCodes(page: Page): Promise<string[]> {
  const items = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(items).toHaveCount(10);
  return (await items.allTextContents()).map((code) => code.trim());
}

export interface Enrolment {
  authenticator: Authenticator;
  recoveryCodes: string[];
}

/** On the enrolment screen: add the shown secret to the test's authenticator and confirm a code. */
export async function enrolFromScreen(page: Page): Promise<Enrolment> {
  await expect(page.getByRole('heading', { name: 'Set up two-step sign-in' })).toBeVisible();
  const authenticator = new Authenticator(await readShownSecret(page));
  await page.getByLabel('Code from the app').fill(await authenticator.nextCode());
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await expect(page.getByRole('heading', { name: 'Save your recovery codes' })).toBeVisible();
  const recoveryCodes = await readRecoveryCodes(page);
  await page.getByRole('checkbox', { name: 'I have stored these codes' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  return { authenticator, recoveryCodes };
}

/** First run for the administrator: setup, the first sign-in, TOTP enrolment, and home. */
export async function setUpAndEnrol(page: Page, account: Account = ACCOUNT): Promise<Enrolment> {
  await setUpInstall(page, account);
  await signIn(page, account.username, account.password);
  const enrolment = await enrolFromScreen(page);
  await expectHome(page, account.orgName);
  return enrolment;
}

/**
 * Signs in as the administrator of the install `admin init` provisioned (`test.use({ install:
 * 'provisioned' })`), as on a laptop an admin set up: the password, then a code from the
 * authenticator init enrolled. Returns that authenticator and the recovery codes, as setUpAndEnrol
 * does for an install set up through the screens.
 */
export async function signInAsAdmin(page: Page): Promise<Enrolment> {
  const install = provisionedInstall();
  const authenticator = new Authenticator(install.secret);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in' }), 'the test starts from the provisioned install').toBeVisible();
  await signInWithCode(page, ACCOUNT.username, ACCOUNT.password, () => authenticator.nextCode());
  await expectHome(page);
  return { authenticator, recoveryCodes: [...install.recoveryCodes] };
}

/** Calls the core from the page, through the same `window.kluis` the renderer uses. */
export async function invoke<C extends ChannelName>(
  page: Page,
  channel: C,
  input: ChannelInput<C>,
): Promise<Result<ChannelOutput<C>>> {
  // Typed loosely inside the page: the types are checked here, at the call.
  type LooseBridge = { kluis: { invoke(channel: string, input: unknown): Promise<unknown> } };
  const result = await page.evaluate(
    ([name, body]) => (window as unknown as LooseBridge).kluis.invoke(name, body),
    [channel as string, input as unknown] as const,
  );
  return result as Result<ChannelOutput<C>>;
}

/**
 * Records which channels the page asks the core for, by watching its traffic to the preview
 * server (HTTP requests and WebSocket frames alike), so a test can prove a call was never made
 * without knowing how the bridge talks.
 */
export function watchCoreCalls(page: Page): () => ChannelName[] {
  const seen: ChannelName[] = [];
  const note = (text: string | null | undefined) => {
    if (!text) return;
    for (const name of CHANNEL_NAMES) if (text.includes(name)) seen.push(name);
  };
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/bridge.js')) return;
    note(request.url());
    note(request.postData());
  });
  page.on('websocket', (socket) => {
    socket.on('framesent', (frame) => note(typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('utf8')));
  });
  return () => [...seen];
}

/** Switches the window's language from the settings in the header, as a person does, and closes the panel. */
export async function switchLanguage(page: Page, to: 'en' | 'nl'): Promise<void> {
  await page.getByRole('button', { name: to === 'nl' ? 'Settings' : 'Instellingen' }).click();
  await page.getByRole('radio', { name: to === 'nl' ? 'Nederlands' : 'English' }).check();
  await page.keyboard.press('Escape');
}
