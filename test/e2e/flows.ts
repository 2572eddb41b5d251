/** Steps several specs share, written the way a user does them: through labels and buttons. */
import type { Page } from '@playwright/test';
import { CHANNEL_NAMES, type ChannelName } from '../../shared/channels';
import { expect } from './fixtures';

export interface Account {
  orgName: string;
  username: string;
  password: string;
}

export const ACCOUNT: Account = {
  orgName: 'Bakkerij de Korenschoof',
  username: 'anna.admin',
  password: 'correct horse battery staple',
};

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

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
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
