/**
 * Every control on every screen has an accessible name, so a screen-reader or voice-control user
 * can find and operate it. Checked on each screen a user meets — setup, sign-in, the code step,
 * enrolment, the recovery codes, home, account, users, the step-up dialog and the lock screen —
 * with the settings open where there are settings. And on the CRM screens: the home overview, each
 * list, the deal board, a record page with its timeline form, the edit and new forms with a picker
 * open, the Fields and Import pages, the search results, the delete review and confirmation, the
 * undo toast, History and the Trash. And the access pages: the role list and the role editor's
 * matrix, a user's access with Explain, and a campaign.
 */
import type { Page } from '@playwright/test';
import { createRecord, goTo, recordHeading } from './crm';
import { expect, saveScreenshot, test } from './fixtures';
import {
  ACCOUNT,
  expectHome,
  readShownSecret,
  Authenticator,
  setUpAndEnrol,
  setUpInstall,
  signIn,
  signInWithCode,
  signOut,
} from './flows';

const CONTROLS = 'input, button, select, textarea, a[href], [role="button"], [role="link"], [tabindex]:not([tabindex="-1"])';

async function expectEveryControlNamed(page: Page, screen: string, { settings = true } = {}): Promise<void> {
  // Open the settings so the language choices are checked too.
  if (settings) {
    const button = page.getByRole('button', { name: 'Settings' });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  }

  // All checks of a screen at once: one by one, the round trips made this the slowest test.
  const controls = page.locator(CONTROLS).filter({ visible: true });
  const descriptions = await controls.evaluateAll((elements) => elements.map((element) => element.outerHTML.slice(0, 120)));
  expect(descriptions.length, `controls on the ${screen} screen`).toBeGreaterThan(0);
  await Promise.all(descriptions.map((description, index) => expect(controls.nth(index), `${screen}: ${description}`).toHaveAccessibleName(/\S/)));
  // Images say what they show.
  const images = page.locator('img').filter({ visible: true });
  const imageCount = await images.count();
  await Promise.all(Array.from({ length: imageCount }, (_, index) => expect(images.nth(index), `${screen}: image`).toHaveAccessibleName(/\S/)));
  if (settings) await page.keyboard.press('Escape');
}

function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

test('every input and button has an accessible name on each screen', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Set up Kluis' })).toBeVisible();
  await expectEveryControlNamed(page, 'setup');

  await setUpInstall(page);
  await expectEveryControlNamed(page, 'sign-in');

  await signIn(page, ACCOUNT.username, ACCOUNT.password);
  await expect(page.getByRole('heading', { name: 'Set up two-step sign-in' })).toBeVisible();
  await expectEveryControlNamed(page, 'enrolment');
  const authenticator = new Authenticator(await readShownSecret(page));
  await page.getByLabel('Code from the app').fill(await authenticator.nextCode());
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();

  await expect(page.getByRole('heading', { name: 'Save your recovery codes' })).toBeVisible();
  await expectEveryControlNamed(page, 'recovery codes');
  const recoveryCode = (await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').first().textContent())!.trim();
  await page.getByRole('checkbox', { name: 'I have stored these codes' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expectHome(page);
  await expectEveryControlNamed(page, 'home');

  await nav(page).getByRole('button', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { name: 'Recent sign-ins' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await page.getByRole('button', { name: 'New recovery codes' }).click();
  await expectEveryControlNamed(page, 'account');

  await nav(page).getByRole('button', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Security policy' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await expectEveryControlNamed(page, 'users');

  // The step-up dialog: after a recovery-code sign-in the second factor is not fresh.
  await signOut(page);
  await signIn(page, ACCOUNT.username, ACCOUNT.password);
  await expect(page.getByRole('heading', { name: 'Enter your code' })).toBeVisible();
  await expectEveryControlNamed(page, 'code');
  await page.getByLabel('Code', { exact: true }).fill(recoveryCode);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectHome(page);
  await nav(page).getByRole('button', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'Save policy' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
  await expect(dialog).toBeVisible();
  // Everything outside a modal dialog is inert, so only the dialog is checked.
  await expectEveryControlNamed(page, 'step-up', { settings: false });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  await page.getByRole('banner').getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Kluis is locked' })).toBeVisible();
  await expectEveryControlNamed(page, 'lock');

  // The lock screen with a code field, when the policy asks for one.
  await page.getByLabel('Password').fill(ACCOUNT.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expectHome(page);
  await signOut(page);
  await signInWithCode(page, ACCOUNT.username, ACCOUNT.password, () => authenticator.nextCode());
  await expectHome(page);
  await nav(page).getByRole('button', { name: 'Users' }).click();
  await page.getByRole('checkbox', { name: 'Ask for a code to unlock' }).check();
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The security policy is saved.' })).toBeVisible();
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'Kluis is locked' })).toBeVisible();
  await expect(page.getByLabel('Code')).toBeVisible();
  await expectEveryControlNamed(page, 'lock with code');
});

test('every control on the CRM screens has an accessible name', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  await setUpAndEnrol(page);
  const organisation = await createRecord(page, 'organisation', { name: 'Bakkerij Jansen', city: 'Gouda', phone: '0182 123 456' });
  const contact = await createRecord(page, 'contact', {
    first_name: 'Piet',
    last_name: 'Jansen',
    organisation_id: organisation.id,
    email: 'piet@bakkerijjansen.example',
    job_title: 'Owner',
  });
  await createRecord(page, 'deal', { title: 'Broodlevering 2026', organisation_id: organisation.id, contact_id: contact.id, stage: 'qualified', value_cents: 1_250_000 });
  await createRecord(page, 'activity', { kind: 'task', subject: 'Send the quote', due_at: '2030-01-15', done: false, contact_id: contact.id, organisation_id: organisation.id });
  await createRecord(page, 'activity', { kind: 'call', subject: 'First call', body: 'Interested in weekly deliveries.', due_at: '2025-03-02', done: true, contact_id: contact.id, organisation_id: organisation.id });
  await createRecord(page, 'invoice', { number: 'F-1001', organisation_id: organisation.id, contact_id: contact.id, amount_cents: 50_000, due_on: '2030-02-01', status: 'sent' });

  // Home, with the counts and the open task.
  await goTo(page, 'Home');
  await expect(page.getByRole('region', { name: 'My open tasks' }).getByRole('link', { name: 'Send the quote' })).toBeVisible();
  await expectEveryControlNamed(page, 'home with records');
  await saveScreenshot(page, testInfo, 'home');

  const lists: [string, string][] = [
    ['Contacts', 'Piet Jansen'],
    ['Organisations', 'Bakkerij Jansen'],
    ['Deals', 'Broodlevering 2026'],
    ['Activities', 'Send the quote'],
    ['Invoices', 'F-1001'],
  ];
  for (const [item, row] of lists) {
    await goTo(page, item);
    await expect(page.getByRole('table', { name: item }).getByRole('link', { name: row })).toBeVisible();
    await expectEveryControlNamed(page, `${item} list`);
    await saveScreenshot(page, testInfo, `list-${item.toLowerCase()}`);
  }
  // The user's own open task comes first and can be ticked off from the list.
  await goTo(page, 'Activities');
  const activities = page.getByRole('table', { name: 'Activities' });
  await expect(activities.getByRole('row').nth(1)).toContainText('Send the quote');
  await expect(activities.getByRole('checkbox', { name: 'Done: Send the quote' })).not.toBeChecked();

  await goTo(page, 'Deals');
  await page.getByRole('button', { name: 'Board' }).click();
  await expect(page.getByRole('region', { name: 'Qualified' }).getByRole('link', { name: 'Broodlevering 2026' })).toBeVisible();
  await expectEveryControlNamed(page, 'deal board');

  // A record page, its edit form, and a new form with the organisation picker open.
  await goTo(page, 'Organisations');
  await page.getByRole('table', { name: 'Organisations' }).getByRole('link', { name: 'Bakkerij Jansen' }).click();
  await expect(recordHeading(page, 'Bakkerij Jansen')).toBeVisible();
  await expect(page.getByRole('region', { name: /Contacts/ }).getByRole('link', { name: 'Piet Jansen' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Timeline' }).getByRole('link', { name: 'First call' })).toBeVisible();
  await expectEveryControlNamed(page, 'organisation page');
  await saveScreenshot(page, testInfo, 'organisation-detail');
  // Its deletion is reviewed first: the contact only loses its link.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const review = page.getByRole('dialog', { name: 'Delete Bakkerij Jansen?' });
  await expect(review.getByRole('region', { name: 'Stays, but loses its link' })).toBeVisible();
  await expectEveryControlNamed(page, 'delete review', { settings: false });
  await review.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
  await expectEveryControlNamed(page, 'edit form');
  await page.getByRole('button', { name: 'Cancel' }).first().click();

  await goTo(page, 'Contacts');
  await page.getByRole('button', { name: 'New contact' }).click();
  const picker = page.getByRole('combobox', { name: 'Organisation', exact: true });
  await picker.click();
  await expect(page.getByRole('option', { name: /Bakkerij Jansen/ })).toBeVisible();
  await expectEveryControlNamed(page, 'new contact with picker', { settings: false });
  await saveScreenshot(page, testInfo, 'new-contact');
  await page.keyboard.press('Escape');
  await expectEveryControlNamed(page, 'new contact');

  await goTo(page, 'Invoices');
  await page.getByRole('table', { name: 'Invoices' }).getByRole('link', { name: 'F-1001' }).click();
  await expect(recordHeading(page, 'F-1001')).toBeVisible();
  await expectEveryControlNamed(page, 'invoice page');
  await page.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete F-1001?' });
  await expect(confirm).toBeVisible();
  await expectEveryControlNamed(page, 'delete confirmation', { settings: false });
  await confirm.getByRole('button', { name: 'Move invoice to trash' }).click();
  await expect(page.getByRole('region', { name: 'Notification' }).filter({ hasText: 'Invoice moved to trash' }).getByRole('button', { name: 'Undo' })).toBeVisible();
  await expectEveryControlNamed(page, 'undo toast');

  // The history and the trash, with the invoice in it.
  await goTo(page, 'History');
  await expect(page.getByRole('table', { name: 'Your recent changes' })).toContainText('Delete invoice F-1001');
  await expectEveryControlNamed(page, 'history');
  await goTo(page, 'Trash');
  await expect(page.getByRole('button', { name: 'Restore F-1001' })).toBeVisible();
  await expectEveryControlNamed(page, 'trash');

  await goTo(page, 'Fields');
  await expect(page.getByRole('switch', { name: 'Use the field Job title' })).toBeVisible();
  await expectEveryControlNamed(page, 'fields');
  await page.getByRole('switch', { name: 'Use the field Job title' }).click();
  await expect(page.getByRole('dialog', { name: 'Switch off Job title?' })).toBeVisible();
  await expectEveryControlNamed(page, 'switch-off confirmation', { settings: false });
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  await goTo(page, 'Import');
  await expect(page.getByLabel('CSV or text file')).toBeVisible();
  await expectEveryControlNamed(page, 'import');

  // The search results, opened with the keyboard.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('jans');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('group', { name: 'Contacts' }).getByRole('option', { name: /Piet Jansen/ })).toBeVisible();
  await expect(results.getByRole('group', { name: 'Organisations' }).getByRole('option', { name: /Bakkerij Jansen/ })).toBeVisible();
  await expectEveryControlNamed(page, 'search', { settings: false });
  // Arrow keys move through all the groups; Enter opens the chosen one.
  const search = page.getByRole('combobox', { name: 'Search' });
  const activeName = async () =>
    (await page.locator(`[id="${await search.getAttribute('aria-activedescendant')}"]`).textContent()) ?? '';
  const first = await activeName();
  await page.keyboard.press('ArrowDown');
  const second = await activeName();
  expect(second).not.toBe(first);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(/Jansen/);
});

test('every control on the access pages has an accessible name', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const admin = await setUpAndEnrol(page);
  await signOut(page);
  await signInWithCode(page, ACCOUNT.username, ACCOUNT.password, () => admin.authenticator.nextCode());
  await expectHome(page);
  await createRecord(page, 'campaign', { name: 'Voorjaarsactie', channel: 'email', status: 'draft' });

  await goTo(page, 'Roles');
  await expect(page.getByRole('row', { name: /^Field sales/ })).toBeVisible();
  await expectEveryControlNamed(page, 'roles');
  await page.getByRole('button', { name: 'Copy Field sales' }).click();
  await expect(page.getByRole('combobox', { name: 'Contacts: export scope' })).toBeVisible();
  await page.getByText('Exceptions per field').click();
  await expect(page.getByRole('combobox', { name: 'Contact – E-mail: access' })).toBeVisible();
  await expectEveryControlNamed(page, 'role editor');
  await saveScreenshot(page, testInfo, 'role-editor');

  await goTo(page, 'Access');
  await page.getByLabel('User', { exact: true }).selectOption({ index: 1 });
  await expect(page.getByRole('button', { name: 'Save access' })).toBeVisible();
  const explain = page.getByRole('region', { name: 'Explain' });
  await explain.getByLabel('Kind of right').selectOption('field');
  await explain.getByRole('button', { name: 'Explain' }).click();
  await expect(explain.getByRole('status')).toContainText(/Allowed|Denied/);
  await expectEveryControlNamed(page, 'access');
  await saveScreenshot(page, testInfo, 'access');

  await goTo(page, 'Campaigns');
  await page.getByRole('table', { name: 'Campaigns' }).getByRole('link', { name: 'Voorjaarsactie' }).click();
  await expect(recordHeading(page, 'Voorjaarsactie')).toBeVisible();
  // Only Marketing publishes, not even the administrator.
  await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
  await expectEveryControlNamed(page, 'campaign page');
});
