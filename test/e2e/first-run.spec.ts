/**
 * First run as a new administrator sees it: set up the install, sign in, enrol the second factor,
 * find the organisation in the shell, sign out. Wrong credentials get one message whatever was
 * wrong — and the code step comes even after a wrong password, so not even that tells — and the
 * setup form stops a short or mistyped password before it ever reaches the core.
 */
import type { KluisBridge } from '../../shared/api';
import { expect, saveScreenshot, test } from './fixtures';
import {
  ACCOUNT,
  enrolFromScreen,
  enterCode,
  expectHome,
  fillSetup,
  setUpAndEnrol,
  setUpInstall,
  signIn,
  signInWithCode,
  signOut,
  watchCoreCalls,
  WRONG_CREDENTIALS,
} from './flows';

test('setup, sign-in, the home shell with organisation and user, and sign-out', async ({ page }, testInfo) => {
  const coreCalls = watchCoreCalls(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Set up Kluis' })).toBeVisible();
  await fillSetup(page, ACCOUNT);
  await saveScreenshot(page, testInfo, 'setup');
  await page.getByRole('button', { name: 'Set up Kluis' }).click();

  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Kluis is set up.' })).toHaveText(
    'Kluis is set up. Sign in with the account you just created.',
  );
  expect(coreCalls()).toContain('setup.createInstall');
  await saveScreenshot(page, testInfo, 'signin');

  await signIn(page, ACCOUNT.username, ACCOUNT.password);
  await enrolFromScreen(page);
  const header = page.getByRole('banner');
  await expect(header.getByRole('heading', { level: 1, name: ACCOUNT.orgName })).toBeVisible();
  await expect(header).toContainText(ACCOUNT.username);
  await expect(header.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Welcome,');
  await saveScreenshot(page, testInfo, 'home');

  await header.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText(ACCOUNT.orgName)).toHaveCount(0);
  // The setup notice belongs to the moment after setup only.
  await expect(page.getByText('Kluis is set up.')).toHaveCount(0);

  // The install survives a reload: the core, not the page, decides which screen comes first.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('each sign-in screen starts in its first field: setup, username and password, then the code, all typed at once', async ({ page }) => {
  await page.goto('/');
  const organisation = page.getByRole('textbox', { name: 'Organisation name' });
  await expect(organisation).toBeFocused();
  await expect(organisation).toHaveAccessibleDescription(/^Set up Kluis Create your organisation/);
  await page.keyboard.type(ACCOUNT.orgName);
  for (const [label, text] of [
    ['Administrator username', ACCOUNT.username],
    ['Password', ACCOUNT.password],
    ['Password again', ACCOUNT.password],
  ] as const) {
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(label, { exact: true })).toBeFocused();
    await page.keyboard.type(text);
  }
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  const username = page.getByRole('textbox', { name: 'Username' });
  await expect(username).toBeFocused();
  await expect(username).toHaveAccessibleDescription(/^Sign in/);
  await page.keyboard.type(ACCOUNT.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ACCOUNT.password);
  await page.keyboard.press('Enter');
  const { authenticator } = await enrolFromScreen(page);
  await expectHome(page);

  await signOut(page);
  await expect(page.getByRole('textbox', { name: 'Username' })).toBeFocused();
  await page.keyboard.type(ACCOUNT.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ACCOUNT.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Enter your code' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Code', exact: true })).toBeFocused();
  await page.keyboard.type(await authenticator.nextCode());
  await page.keyboard.press('Enter');
  await expectHome(page);
});

test('a wrong password and a wrong username get the same generic message, after the code', async ({ page }, testInfo) => {
  const { authenticator } = await setUpAndEnrol(page);
  await signOut(page);

  // A wrong password still leads to the code step: the screen cannot tell it was wrong.
  await signIn(page, ACCOUNT.username, 'not the right password');
  await expect(page.getByLabel('Password')).toHaveCount(0);
  await enterCode(page, await authenticator.nextCode());
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText(WRONG_CREDENTIALS);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Password')).toHaveValue('');
  await saveScreenshot(page, testInfo, 'signin-error');

  // An unknown username: the same code step, the same message.
  await signIn(page, 'nobody.here', ACCOUNT.password);
  await enterCode(page, '123456');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(alert).toHaveText(WRONG_CREDENTIALS);

  // And the right pair with a right code still works afterwards.
  await signInWithCode(page, ACCOUNT.username, ACCOUNT.password, () => authenticator.nextCode());
  await expectHome(page);
});

test('the sign-in button is disabled while signing in', async ({ page }) => {
  await setUpInstall(page);
  await page.getByLabel('Username').fill(ACCOUNT.username);
  await page.getByLabel('Password').fill(ACCOUNT.password);
  const button = page.getByRole('button', { name: 'Sign in' });
  // Watched inside the page, so the short disabled moment cannot slip between two polls.
  await button.evaluate((element) => {
    const flag = window as unknown as { signInButtonWasDisabled?: boolean };
    flag.signInButtonWasDisabled = false;
    new MutationObserver(() => {
      if ((element as HTMLButtonElement).disabled) flag.signInButtonWasDisabled = true;
    }).observe(element, { attributes: true, attributeFilter: ['disabled'] });
  });
  await button.click();
  await expect(page.getByRole('heading', { name: 'Set up two-step sign-in' })).toBeVisible();
  // The next step replaced the form; the observer kept what it saw.
  const wasDisabled = await page.evaluate(
    () => (window as unknown as { signInButtonWasDisabled?: boolean }).signInButtonWasDisabled,
  );
  expect(wasDisabled).toBe(true);
});

test('setup refuses mismatched passwords and a short password before calling the core', async ({ page }) => {
  const coreCalls = watchCoreCalls(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Set up Kluis' })).toBeVisible();
  const submit = page.getByRole('button', { name: 'Set up Kluis' });

  await fillSetup(page, ACCOUNT, 'correct horse battery stapel');
  await submit.click();
  const passwordAgain = page.getByLabel('Password again');
  await expect(passwordAgain).toHaveAttribute('aria-invalid', 'true');
  await expect(passwordAgain).toHaveAccessibleDescription('The two passwords are not the same.');
  await expect(passwordAgain).toBeFocused();

  await fillSetup(page, { ...ACCOUNT, password: 'short pass' });
  await submit.click();
  const password = page.getByLabel('Password', { exact: true });
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(/Use at least 12 characters\./);
  await expect(password).toBeFocused();
  await expect(passwordAgain).not.toHaveAttribute('aria-invalid', 'true');

  // A reload asks the core for the app state; everything the page sent before it is seen by then.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Set up Kluis' })).toBeVisible();
  expect(coreCalls()).not.toContain('setup.createInstall');
  expect(coreCalls()).toContain('app.state');
});

test('the sign-in screen warns plainly when no OS keychain protects the install', async ({ page }) => {
  await setUpInstall(page);
  // The core decides the key mode (it depends on this machine); the screen must say what it said.
  const state = await page.evaluate(async () => {
    const { kluis } = window as unknown as { kluis: KluisBridge };
    return kluis.invoke('app.state', {});
  });
  expect(state.ok && state.value.phase).toBe('signedOut');
  const keyMode = state.ok && state.value.phase === 'signedOut' ? state.value.keyMode : undefined;
  const warning = page.getByRole('status').filter({ hasText: 'No OS keychain was found' });
  await expect(warning).toHaveCount(keyMode === 'passphrase-only' ? 1 : 0);
});

test('a window follows the session when it changes elsewhere', async ({ page, context }) => {
  const { authenticator } = await setUpAndEnrol(page);
  await signOut(page);
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  // Each step here makes the core announce 'session.changed'; the other window reloads its state.
  await signIn(page, ACCOUNT.username, ACCOUNT.password);
  await expect(other.getByRole('heading', { name: 'Enter your code' })).toBeVisible();
  await enterCode(page, await authenticator.nextCode());
  await expectHome(other);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(other.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});
