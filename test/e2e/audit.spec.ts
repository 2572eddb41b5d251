/**
 * The Audit log page: a Field sales colleague has no menu item for it; the administrator opens it,
 * finds their own sign-in under their name, checks the hash chain and reads that it is intact, and
 * pages down to the oldest entry (the first page holds the newest hundred). A log an insider
 * changed is named at the entry where it breaks, and why, in the reader's language.
 */
import { KluisCore } from '../../electron/core/kluis';
import { expect, test } from './fixtures';
import { addColleagueAndSignIn, createRecord, goTo, nav, recordHeading, type Colleague } from './crm';
import { ACCOUNT, expectHome, invoke, signInAsAdmin, signInWithCode, signOut, type Authenticator, switchLanguage } from './flows';

// Starts from an install an admin provisioned with `admin init`; setup itself is first-run.spec.ts's.
test.use({ install: 'provisioned' });

const SALES: Colleague = { username: 'sanne.sales', displayName: 'Sanne Bakker', role: 'sales', password: 'sanne-rijdt-naar-roermond-en-terug' };

test('the admin reads the audit log and checks it; Field sales has no Audit log', async ({ page }) => {
  test.setTimeout(180_000);
  const admin = await signInAsAdmin(page);

  await addColleagueAndSignIn(page, admin.authenticator, SALES);
  await expect(nav(page).getByRole('button', { name: 'History', exact: true })).toBeVisible();
  await expect(nav(page).getByRole('button', { name: 'Audit log', exact: true })).toHaveCount(0);
  await signOut(page);

  await signInWithCode(page, ACCOUNT.username, ACCOUNT.password, () => admin.authenticator.nextCode());
  await expectHome(page);
  await goTo(page, 'Audit log');
  await expect(page.getByRole('heading', { level: 2, name: 'Audit log' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Audit log entries, newest first' });
  const signedIn = table.getByRole('row').filter({ hasText: 'Signed in' }).first();
  await expect(signedIn.getByRole('cell').nth(1)).toHaveText(ACCOUNT.username);
  await expect(signedIn.getByRole('cell').nth(3)).toHaveText(/^User \d+$/);

  await page.getByRole('button', { name: 'Check the log' }).click();
  const intact = page.getByRole('status').filter({ hasText: 'The log is intact' });
  await expect(intact).toHaveText(/^The log is intact: \d+ entries checked\.$/);
  const checked = Number(/(\d+) entries/.exec(await intact.innerText())?.[1]);

  // More entries than one page (each new record is one): the newest hundred first, the rest on
  // request, down to the setup itself.
  for (let i = 1; i <= 100; i++) {
    const created = await invoke(page, 'records.create', { entity: 'organisation', values: { name: `Organisatie ${i}` } });
    expect(created.ok).toBe(true);
  }
  await goTo(page, 'History');
  await goTo(page, 'Audit log');
  const entries = table.getByRole('rowgroup').nth(1).getByRole('row');
  await expect(entries).toHaveCount(100);
  await expect(entries.first().getByRole('cell').nth(2)).toHaveText('Record added');
  await page.getByRole('button', { name: 'Show older entries' }).click();
  await expect(page.getByRole('button', { name: 'Show older entries' })).toHaveCount(0);
  const total = Number(/All (\d+) entries are shown/.exec(await page.getByText(/^All \d+ entries are shown\.$/).innerText())?.[1]);
  expect(total).toBeGreaterThan(100);
  expect(total).toBe(checked + 100);
  await expect(entries).toHaveCount(total);
  await expect(entries.last().getByRole('cell').nth(2)).toHaveText('Install set up');
});

/** An insider with the admin's password and authenticator opens the same install and edits entry 2 in SQL. */
async function alterSecondEntry(dataDir: string, authenticator: Authenticator): Promise<void> {
  const core = new KluisCore({ dataDir });
  try {
    expect(await core.signIn(ACCOUNT.username, ACCOUNT.password)).toEqual({ next: 'code' });
    expect((await core.verifyCode(await authenticator.nextCode())).next).toBe('done');
    const { db } = core.requireActive();
    expect(db.prepare("UPDATE audit_log SET action = 'records.deleted' WHERE seq = 2").run().changes).toBe(1);
  } finally {
    await core.close();
  }
}

test('checking a log changed behind Kluis\'s back names the entry and why, in English and Dutch', async ({ page, preview }) => {
  const admin = await signInAsAdmin(page);
  await alterSecondEntry(preview.dataDir, admin.authenticator);

  await goTo(page, 'Audit log');
  await page.getByRole('button', { name: 'Check the log' }).click();
  const broken = page.getByRole('alert');
  await expect(broken).toHaveText('The log is broken at entry 2: entry 2 was altered.');

  await switchLanguage(page, 'nl');
  await expect(broken).toHaveText('Het logboek klopt niet vanaf regel 2: regel 2 is gewijzigd.');
});

test('a record’s page opens its audit trail, whose entries link back to it; the whole log is one click away', async ({ page }) => {
  await signInAsAdmin(page);
  const piet = await createRecord(page, 'contact', { first_name: 'Piet', last_name: 'Spoor' });
  await createRecord(page, 'contact', { first_name: 'Ander', last_name: 'Mens' });
  await goTo(page, 'Contacts');
  await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Piet Spoor' }).click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Job title').fill('Inkoper');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The changes are saved.' })).toBeVisible();

  await page.getByRole('button', { name: 'Audit trail' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Audit trail of Contact ${piet.id}: Piet Spoor` })).toBeVisible();
  const table = page.getByRole('table', { name: 'Audit log entries, newest first' });
  // Only what concerns Piet: his edit and his making, not the other contact nor the sign-in.
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(1)).toContainText('Record changed');
  await expect(table.getByRole('row').nth(2)).toContainText('Record added');
  await table.getByRole('row').nth(1).getByRole('link', { name: `Contact ${piet.id}` }).click();
  await expect(recordHeading(page, 'Piet Spoor')).toBeVisible();

  await page.getByRole('button', { name: 'Audit trail' }).click();
  await page.getByRole('button', { name: 'Show the whole log' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Audit log entries, newest first' }).getByRole('row').filter({ hasText: 'Signed in' }).first()).toBeVisible();
});
