/**
 * A campaign from Marketing's screens: written as a draft, published with its own button, and then
 * kept as it went out. Editing a published campaign offers only its name; the message, channel and
 * audience stay in view as text (the core refuses a change to them, records.fixedOncePublished).
 */
import { readFile } from 'node:fs/promises';
import { localDay } from '../../shared/localDay';
import { expect, test } from './fixtures';
import { addColleagueAndSignIn, createRecord, goTo, recordHeading, type Colleague } from './crm';
import { signInAsAdmin } from './flows';

test.use({ install: 'provisioned' });

const MARKETING: Colleague = { username: 'mark.marketing', displayName: 'Mark Bos', role: 'marketing', password: 'mark-schrijft-de-nieuwsbrief-graag' };

test('a published campaign keeps what went out: its edit form offers only the name', async ({ page }) => {
  test.setTimeout(120_000);
  const admin = await signInAsAdmin(page);
  // Someone who wants the newsletter: a campaign that reaches no one is not published.
  const reader = await createRecord(page, 'contact', { first_name: 'Lies', last_name: 'Visser', email: 'lies@example.nl' });
  await createRecord(page, 'consent', { contact_id: reader.id, purpose: 'Nieuwsbrief', source: 'Website form', given_at: localDay() });
  await addColleagueAndSignIn(page, admin.authenticator, MARKETING);
  await goTo(page, 'Campaigns');
  await page.getByRole('button', { name: 'New campaign' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Lenteactie');
  await page.getByRole('combobox', { name: /^Channel/ }).selectOption({ label: 'E-mail' });
  await page.getByRole('textbox', { name: 'Audience' }).fill('Klanten die de nieuwsbrief willen');
  await page.getByRole('combobox', { name: 'Required consent' }).fill('Nieuwsbrief');
  await page.getByRole('textbox', { name: 'Message' }).fill('Twee broden voor de prijs van één');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(recordHeading(page, 'Lenteactie')).toBeVisible();

  // A draft: every field can still change. Publishing waits for the form: it publishes what is saved.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeEditable();
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);
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

test('a campaign says whom it may go to, and Marketing saves that list once it is published', async ({ page }) => {
  test.setTimeout(120_000);
  const admin = await signInAsAdmin(page);
  // Three people consented to the newsletter: one may receive it, one objected, one has no address.
  for (const [first, values] of [
    ['Anna', { email: 'anna@example.nl' }],
    ['Cor', { email: 'cor@example.nl', marketing_objection_on: localDay() }],
    ['Eva', {}],
  ] as const) {
    const person = await createRecord(page, 'contact', { first_name: first, last_name: 'Jansen', ...values });
    await createRecord(page, 'consent', { contact_id: person.id, purpose: 'Newsletter', source: 'Website form', given_at: localDay() });
  }
  const marketing = await addColleagueAndSignIn(page, admin.authenticator, MARKETING);
  await goTo(page, 'Campaigns');
  await page.getByRole('button', { name: 'New campaign' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Winter');
  await page.getByRole('combobox', { name: /^Channel/ }).selectOption({ label: 'E-mail' });
  await page.getByRole('textbox', { name: 'Message' }).fill('Warme broodjes');
  // The form suggests what people consented to; spelled otherwise, it is compared as people read it.
  const consent = page.getByRole('combobox', { name: 'Required consent' });
  await expect(consent).toHaveAttribute('list', /.+/);
  await expect(page.locator('datalist option')).toHaveAttribute('value', 'Newsletter');
  await consent.fill('newsletter');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(recordHeading(page, 'Winter')).toBeVisible();

  const recipients = page.getByRole('region', { name: 'Recipients' });
  await expect(recipients.getByText('One person may receive it: they consented to “newsletter”, and nothing below rules them out.')).toBeVisible();
  await expect(recipients.getByRole('listitem')).toHaveText([
    'One person who objected to direct marketing (GDPR art. 21)',
    'One person without an e-mail address',
  ]);
  await expect(recipients.getByText('The list of recipients can be saved once the campaign is published.')).toBeVisible();
  await expect(recipients.getByRole('button', { name: 'Save list of recipients' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Campaign published.' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await recipients.getByRole('button', { name: 'Save list of recipients' }).click();
  // A list of people leaves the app: a fresh code, if the sign-in's is not fresh any more.
  const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
  const done = recipients.getByText(/^One recipient saved as kluis-campaign-\d+-recipients-/);
  await expect(dialog.or(done).first()).toBeVisible();
  if (await dialog.isVisible()) {
    await dialog.getByLabel('Code').fill(await marketing.authenticator.nextCode());
    await dialog.getByRole('button', { name: 'Confirm' }).click();
  }
  await expect(done).toBeVisible();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^kluis-campaign-\\d+-recipients-${localDay()}\\.csv$`));
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.replace(/^\uFEFF/, '').split('\r\n').slice(0, 2)).toEqual(['First name,Last name,E-mail,Preferred language', 'Anna,Jansen,anna@example.nl,']);
  expect(csv).not.toContain('Cor');
});
