/**
 * The retention review (GDPR art. 5(1)(e)): the privacy officer, and only they, see the people whose
 * relationship has been silent for longer than the fields' retention, and open each to erase them.
 */
import { KluisCore } from '../../electron/core/kluis';
import { localDay } from '../../shared/localDay';
import { expect, saveScreenshot, test } from './fixtures';
import { addColleagueAndSignIn, createRecord, goTo, nav, recordHeading, type Colleague } from './crm';
import { ACCOUNT, signInAsAdmin, switchLanguage, type Authenticator } from './flows';

// Starts from an install an admin provisioned with `admin init`; setup itself is first-run.spec.ts's.
test.use({ install: 'provisioned' });

const PRIVACY: Colleague = { username: 'pia.privacy', displayName: 'Pia de Wit', role: 'privacy', password: 'pia-bewaakt-de-gegevens-zorgvuldig' };

/** Record timestamps are the real time: the admin opens the install beside the app and dates one back, as if made `years` ago. */
async function dateBack(dataDir: string, authenticator: Authenticator, contactId: number, years: number): Promise<void> {
  const core = new KluisCore({ dataDir });
  try {
    expect(await core.signIn(ACCOUNT.username, ACCOUNT.password)).toEqual({ next: 'code' });
    expect((await core.verifyCode(await authenticator.nextCode())).next).toBe('done');
    const then = new Date();
    then.setFullYear(then.getFullYear() - years);
    const { db } = core.requireActive();
    expect(db.prepare('UPDATE contacts SET created_at = ?, updated_at = ? WHERE id = ?').run(then.toISOString(), then.toISOString(), contactId).changes).toBe(1);
  } finally {
    await core.close();
  }
}

test('the privacy officer reviews the people past their retention and opens one to erase; others have no such page', async ({ page, preview }, testInfo) => {
  test.setTimeout(150_000);
  const admin = await signInAsAdmin(page);
  const silent = await createRecord(page, 'contact', { first_name: 'Olga', last_name: 'Oudstil' });
  await createRecord(page, 'contact', { first_name: 'Niels', last_name: 'Nieuw' });
  await dateBack(preview.dataDir, admin.authenticator, silent.id, 3);
  // The administrator does not erase, so has no review to act on.
  await expect(nav(page).getByRole('button', { name: 'Audit log', exact: true })).toBeVisible();
  await expect(nav(page).getByRole('button', { name: 'Retention review', exact: true })).toHaveCount(0);

  await addColleagueAndSignIn(page, admin.authenticator, PRIVACY);
  // Home says it first, and leads there.
  const panel = page.getByRole('region', { name: 'Past the retention period' });
  await expect(panel).toContainText('1 person has been silent for longer than their data is kept.');
  await panel.getByRole('link', { name: 'Open the retention review' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Retention review' })).toBeVisible();
  await expect(page.getByText(/silent for more than 2 years/)).toBeVisible();
  const people = page.getByRole('table', { name: 'People past the retention period, silent the longest first' });
  await expect(people.getByRole('row')).toHaveCount(2);
  const row = people.getByRole('row', { name: /Olga Oudstil/ });
  const threeYearsAgo = new Date();
  threeYearsAgo.setFullYear(threeYearsAgo.getFullYear() - 3);
  await expect(row.locator('time')).toHaveAttribute('datetime', localDay(threeYearsAgo));
  await saveScreenshot(page, testInfo, 'retention-review');

  await switchLanguage(page, 'nl');
  await expect(page.getByRole('heading', { level: 2, name: 'Bewaartermijnen' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Personen over de bewaartermijn, langst stil eerst' }).getByRole('columnheader')).toHaveText(['Persoon', 'Laatst toegevoegd of gewijzigd']);
  await switchLanguage(page, 'en');

  await goTo(page, 'Retention review');
  await people.getByRole('link', { name: 'Olga Oudstil' }).click();
  await expect(recordHeading(page, 'Olga Oudstil')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Erase personal data' })).toBeVisible();
});
