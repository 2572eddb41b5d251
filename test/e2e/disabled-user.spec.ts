/**
 * An account disabled, or its two-step sign-in reset, while its user works: the administrator acts
 * with the CLI, on the same install, while the colleague is signed in at the window. At their next
 * click the colleague is back at the sign-in screen, and reads why.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bundleOf } from '../support/toolBundles';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addColleagueAndSignIn, goTo, type Colleague } from './crm';
import { ACCOUNT, signInAsAdmin } from './flows';

// Starts from an install an admin provisioned with `admin init`; setup itself is first-run.spec.ts's.
test.use({ install: 'provisioned' });

const OFFICE: Colleague = { username: 'olga.office', displayName: 'Olga Smit', role: 'office', password: 'olga-ordent-de-kaartenbak-netjes' };
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The admin signs in, a colleague signs in at the window, the admin runs `user <command>` on the
 * colleague with the CLI; the colleague's next click lands on the sign-in screen, which says why.
 */
async function colleagueSignedOutBy(page: Page, dataDir: string, command: string, why: string): Promise<void> {
  const admin = await signInAsAdmin(page);
  await addColleagueAndSignIn(page, admin.authenticator, OFFICE);

  const run = spawnSync(process.execPath, [bundleOf('cli'), 'user', command, '--data', dataDir, '--username', OFFICE.username], {
    cwd: repoRoot,
    env: { ...process.env, KLUIS_USER: ACCOUNT.username, KLUIS_PASSWORD: ACCOUNT.password, KLUIS_TOTP: await admin.authenticator.nextCode() },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);

  await goTo(page, 'Contacts');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText(why)).toBeVisible();
}

test('a colleague disabled with the CLI is signed out at their next click and told why', async ({ page, preview }) => {
  test.setTimeout(180_000);
  await colleagueSignedOutBy(page, preview.dataDir, 'disable', 'Your account has been disabled, so you are signed out. Ask an administrator if you need it again.');
});

test('a colleague whose two-step sign-in is reset with the CLI (a lost phone) is signed out at their next click and told why', async ({ page, preview }) => {
  test.setTimeout(180_000);
  await colleagueSignedOutBy(page, preview.dataDir, 'reset-mfa', 'An administrator has reset your two-step sign-in, so you are signed out. Sign in again and set up your authenticator app anew.');
});
