/**
 * A campaign from Marketing's screens: written as a draft, published with its own button, and then
 * kept as it went out. Editing a published campaign offers only its name; the message, channel and
 * audience stay in view as text (the core refuses a change to them, records.fixedOncePublished).
 */
import { expect, test } from './fixtures';
import { addColleagueAndSignIn, goTo, recordHeading, type Colleague } from './crm';
import { signInAsAdmin } from './flows';

test.use({ install: 'provisioned' });

const MARKETING: Colleague = { username: 'mark.marketing', displayName: 'Mark Bos', role: 'marketing', password: 'mark-schrijft-de-nieuwsbrief-graag' };

test('a published campaign keeps what went out: its edit form offers only the name', async ({ page }) => {
  test.setTimeout(120_000);
  const admin = await signInAsAdmin(page);
  await addColleagueAndSignIn(page, admin.authenticator, MARKETING);
  await goTo(page, 'Campaigns');
  await page.getByRole('button', { name: 'New campaign' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Lenteactie');
  await page.getByRole('combobox', { name: /^Channel/ }).selectOption({ label: 'E-mail' });
  await page.getByRole('textbox', { name: 'Audience' }).fill('Klanten die de nieuwsbrief willen');
  await page.getByRole('textbox', { name: 'Message' }).fill('Twee broden voor de prijs van één');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(recordHeading(page, 'Lenteactie')).toBeVisible();

  // A draft: every field can still change.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeEditable();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();

  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Campaign published.' })).toBeVisible();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  // The news is over once an edit starts: it does not stand beside "The changes are saved." later.
  await expect(page.getByText('Campaign published.')).toHaveCount(0);
  const form = page.getByRole('region', { name: 'Information' });
  await expect(form.getByLabel('Name', { exact: true })).toBeEditable();
  await expect(form.getByRole('textbox', { name: 'Message' })).toHaveCount(0);
  await expect(form.getByRole('textbox', { name: 'Audience' })).toHaveCount(0);
  await expect(form.getByRole('combobox', { name: /^Channel/ })).toHaveCount(0);
  // What went out is in view, as text.
  await expect(form.getByRole('definition').filter({ hasText: 'Twee broden voor de prijs van één' })).toBeVisible();
  await form.getByLabel('Name', { exact: true }).fill('Lenteactie 2026');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(recordHeading(page, 'Lenteactie 2026')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Twee broden voor de prijs van één' })).toBeVisible();
});
