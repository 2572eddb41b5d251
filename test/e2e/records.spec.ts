/**
 * The CRM itself (issue 4): an organisation and a contact made through the forms, a call logged on
 * the contact, a deal moved between stages on the board, the contact found with Ctrl+K without
 * typing its accents, and a payment reminder sent by a colleague in Finance (the one role that may,
 * issue 5), the letter downloaded. And a list that pages through more rows than it keeps: only the
 * rows in view are drawn.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures';
import { invoke, signInAsAdmin } from './flows';
import { formatDay, todayIso } from '../../renderer/src/format';
import { addColleagueAndSignIn, createRecord, goTo, nav, pick, recordHeading, type Colleague } from './crm';

// Starts from an install an admin provisioned with `admin init`; setup itself is first-run.spec.ts's.
test.use({ install: 'provisioned' });

const FINANCE: Colleague = { username: 'fenna.finance', displayName: 'Fenna de Boer', role: 'finance', password: 'fenna-telt-de-centen-nauwkeurig' };

async function organisationId(page: Page, name: string): Promise<number> {
  const found = await invoke(page, 'search.query', { text: name });
  const hit = found.ok ? found.value.find((group) => group.entity === 'organisation')?.hits[0] : undefined;
  if (!hit) throw new Error(`No organisation ${name}`);
  return hit.id;
}

test('create an organisation and a contact, log a call, move a deal, send a reminder, find the contact with Ctrl+K', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const admin = await signInAsAdmin(page);

  // An organisation, through the form.
  await goTo(page, 'Organisations');
  await expect(page.getByRole('heading', { level: 2, name: 'Organisations' })).toBeVisible();
  await page.getByRole('button', { name: 'New organisation' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'New organisation' })).toBeVisible();
  // Every field says why it is asked for.
  await expect(page.getByRole('button', { name: 'Why we ask: Knowing who the customer is' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveAccessibleDescription(/Why we ask: Knowing who the customer is/);
  await page.getByLabel('Name', { exact: true }).fill('Bakkerij van den Berg');
  await page.getByLabel('City').fill('Utrecht');
  await page.getByLabel('Website').fill('not a web address');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  // The core checks the values and says which field is wrong.
  const website = page.getByLabel('Website');
  await expect(website).toHaveAttribute('aria-invalid', 'true');
  await expect(website).toHaveAccessibleDescription(/Use a web address starting with http/);
  await expect(website).toBeFocused();
  await website.fill('https://bakkerijvandenberg.example');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(recordHeading(page, 'Bakkerij van den Berg')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Utrecht' })).toBeVisible();

  // A contact, started from the organisation, so it belongs to it.
  await page.getByRole('button', { name: 'New contact' }).click();
  await expect(page.getByRole('combobox', { name: 'Organisation', exact: true })).toHaveValue('Bakkerij van den Berg');
  await page.getByLabel('First name').fill('Jan');
  await page.getByLabel('Last name').fill('Müller');
  await page.getByLabel('E-mail', { exact: true }).fill('jan.muller@example.nl');
  await page.getByLabel('Phone', { exact: true }).fill('+31 6 1234 5678');
  await page.getByLabel('Preferred language').selectOption('en');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(recordHeading(page, 'Jan Müller')).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Bakkerij van den Berg' })).toBeVisible();

  // Log a call on the contact.
  const logForm = page.locator('.log-activity');
  await logForm.getByLabel('Type').selectOption('call');
  await logForm.getByLabel('Subject').fill('Called about the spring order');
  await logForm.getByLabel('Details').fill('Wants forty loaves a week from April.');
  await logForm.getByRole('button', { name: 'Add to timeline' }).click();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByRole('link', { name: 'Called about the spring order' })).toBeVisible();
  await expect(timeline).toContainText('Call');
  await expect(timeline).toContainText('Wants forty loaves a week from April.');
  await saveScreenshot(page, testInfo, 'contact-detail');

  // A deal for the contact, then moved on the board.
  await page.getByRole('button', { name: 'New deal' }).click();
  await expect(page.getByRole('combobox', { name: 'Contact', exact: true })).toHaveValue('Jan Müller');
  await expect(page.getByRole('combobox', { name: 'Organisation', exact: true })).toHaveValue('Bakkerij van den Berg');
  await page.getByLabel('Title').fill('Spring bread order');
  await page.getByLabel('Value').fill('1250.50');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(recordHeading(page, 'Spring bread order')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: '€1,250.50' })).toBeVisible();

  await goTo(page, 'Deals');
  await page.getByRole('button', { name: 'Board' }).click();
  const lead = page.getByRole('region', { name: 'Lead' });
  const proposal = page.getByRole('region', { name: 'Proposal' });
  await expect(lead.getByRole('link', { name: 'Spring bread order' })).toBeVisible();
  await lead.getByLabel('Stage of Spring bread order').selectOption('proposal');
  await expect(proposal.getByRole('link', { name: 'Spring bread order' })).toBeVisible();
  await expect(lead.getByRole('link', { name: 'Spring bread order' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: '“Spring bread order” moved to Proposal.' })).toBeAttached();
  // The stage select makes its change at once: Ctrl+Z from it takes the move back, and redo again.
  await proposal.getByLabel('Stage of Spring bread order').focus();
  await page.keyboard.press('Control+z');
  await expect(lead.getByRole('link', { name: 'Spring bread order' })).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(proposal.getByRole('link', { name: 'Spring bread order' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'deals-board');
  // The core has it: the deal's page says so.
  await proposal.getByRole('link', { name: 'Spring bread order' }).click();
  await expect(recordHeading(page, 'Spring bread order')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Proposal' })).toBeVisible();

  // Find the contact with Ctrl+K, typing the name without its accent.
  await page.keyboard.press('Control+K');
  const search = page.getByRole('combobox', { name: 'Search' });
  await expect(search).toBeFocused();
  await page.keyboard.type('muller');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('group', { name: 'Contacts' }).getByRole('option', { name: /Jan Müller/ })).toBeVisible();
  await saveScreenshot(page, testInfo, 'search');
  await page.keyboard.press('Enter');
  await expect(recordHeading(page, 'Jan Müller')).toBeVisible();
  await expect(search).toHaveValue('');
  // Escape closes the results without opening anything.
  await search.focus();
  await page.keyboard.type('berg');
  await expect(results.getByRole('group', { name: 'Organisations' }).getByRole('option', { name: /Bakkerij van den Berg/ })).toBeVisible();
  // Who is calling? The number as the caller's screen shows it, in another form than it was typed.
  await search.fill('06-12345678');
  await expect(results.getByRole('group', { name: 'Contacts' }).getByRole('option', { name: /Jan Müller/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(results).toBeHidden();
  await expect(recordHeading(page, 'Jan Müller')).toBeVisible();
  // The arrow key opens it again at its first hit, as its status says.
  await search.fill('spring');
  await expect(results.getByRole('option')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(results).toBeHidden();
  await page.keyboard.press('ArrowDown');
  await expect(results.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');

  // Only Finance sends payment reminders (DESIGN §5): the administrator does not even see the button.
  const customerId = await organisationId(page, 'Bakkerij van den Berg');
  await createRecord(page, 'invoice', { number: 'ADM-1', organisation_id: customerId, amount_cents: 100, due_on: '2025-01-01', status: 'sent' });
  await goTo(page, 'Invoices');
  await page.getByRole('table', { name: 'Invoices' }).getByRole('link', { name: 'ADM-1' }).click();
  await expect(recordHeading(page, 'ADM-1')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send payment reminder' })).toHaveCount(0);

  // A colleague in Finance makes an invoice, picking the organisation by typing part of its name.
  await addColleagueAndSignIn(page, admin.authenticator, FINANCE);
  await expect(nav(page).getByRole('button', { name: 'Invoices' })).toBeVisible();
  await expect(nav(page).getByRole('button', { name: 'Deals' })).toHaveCount(0);
  await goTo(page, 'Invoices');
  await page.getByRole('button', { name: 'New invoice' }).click();
  // The form offers the next number of the series of the invoice made last, and the legal 30 days to pay.
  await expect(page.getByLabel('Number')).toHaveValue('ADM-2');
  const in30Days = new Date();
  in30Days.setDate(in30Days.getDate() + 30);
  await expect(page.getByLabel('Due date')).toHaveValue(todayIso(in30Days));
  await page.getByLabel('Number').fill('2025-0042');
  await pick(page, 'Organisation', 'berg', 'Bakkerij van den Berg');
  // Finance addresses the reminder: the invoice's contact person is theirs to choose (left empty here).
  await expect(page.getByRole('combobox', { name: 'Contact', exact: true })).toBeVisible();
  await page.getByLabel('Amount').fill('1250.50');
  await page.getByLabel('Due date').fill('2025-01-31');
  await page.getByLabel('Status').selectOption('sent');
  // "Reminder sent" is what sending one records, never typed: neither form offers it.
  await expect(page.getByLabel('Reminder sent')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(recordHeading(page, '2025-0042')).toBeVisible();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByLabel('Due date')).toHaveValue('2025-01-31');
  await expect(page.getByLabel('Reminder sent')).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();

  // The reminder: the letter is saved as a file, and the invoice says it was sent.
  const downloading = page.waitForEvent('download', { timeout: 20_000 });
  // Sent by keyboard: the button goes once the reminder is sent, and the keyboard stays on the page.
  await page.getByRole('button', { name: 'Send payment reminder' }).focus();
  await page.keyboard.press('Enter');
  const download = await downloading;
  // The invoice has no contact, so the letter is Dutch, and so is its name.
  expect(download.suggestedFilename()).toBe('betalingsherinnering-2025-0042.txt');
  const letter = await readFile(await download.path(), 'utf8');
  expect(letter).toContain('2025-0042');
  expect(letter).toContain('Bakkerij van den Berg');
  await expect(page.getByRole('status').filter({ hasText: /^Reminder sent on .+\. The letter is saved as betalingsherinnering-2025-0042\.txt\.$/ })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Overdue' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.querySelector('main')?.contains(document.activeElement) ?? false)).toBe(true);
  const sentOn = page.getByRole('term').filter({ hasText: /^Reminder sent$/ }).locator('xpath=following-sibling::dd');
  await expect(sentOn).toHaveText(formatDay(todayIso(), 'en'));
  // One a day: a second letter the same day is not offered (the core refuses it too).
  await expect(page.getByRole('button', { name: 'Send payment reminder' })).toHaveCount(0);
  await expect(page.getByText('A payment reminder went out today; the next can go tomorrow.')).toBeVisible();
  await saveScreenshot(page, testInfo, 'invoice-detail');

  // Finance's home page counts the unpaid invoices past their due date, sent or reminded, and opens each list by due date.
  await goTo(page, 'Home');
  const pastDue = page.getByRole('region', { name: 'Past due' });
  await expect(pastDue.getByText('2 unpaid invoices are past their due date.')).toBeVisible();
  await expect(pastDue.getByRole('link', { name: 'Overdue invoices, oldest due date first (1 past due)' })).toBeVisible();
  await pastDue.getByRole('link', { name: 'Sent invoices, oldest due date first (1 past due)' }).click();
  await expect(page.getByRole('table', { name: 'Invoices' }).getByRole('link').first()).toHaveText('ADM-1');

  // A draft invoice gets no reminder: the page offers none (the core would refuse one, reminder.ts).
  await goTo(page, 'Invoices');
  await page.getByRole('button', { name: 'New invoice' }).click();
  // 2025-0042 was last: in a later year that series starts again at 1.
  await expect(page.getByLabel('Number')).toHaveValue(`${new Date().getFullYear()}-0001`);
  await page.getByLabel('Number').fill('2025-0043');
  await pick(page, 'Organisation', 'berg', 'Bakkerij van den Berg');
  await page.getByLabel('Amount').fill('99');
  await page.getByLabel('Due date').fill('2025-02-28');
  await expect(page.getByLabel('Status')).toHaveValue('draft');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(recordHeading(page, '2025-0043')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Draft' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send payment reminder' })).toHaveCount(0);

  // The invoice list shows it, with the amount in euros.
  await goTo(page, 'Invoices');
  const invoices = page.getByRole('table', { name: 'Invoices' });
  await expect(invoices.getByRole('row').filter({ hasText: '2025-0042' })).toContainText('€1,250.50');
  // An unpaid invoice past its due day says so by the day; a draft does not.
  await expect(invoices.getByRole('row').filter({ hasText: '2025-0042' })).toContainText('(past due)');
  await expect(invoices.getByRole('row').filter({ hasText: '2025-0043' })).not.toContainText('past due');
  await saveScreenshot(page, testInfo, 'invoices-list');
});

test('the contacts list pages through many rows and draws only those in view', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  await signInAsAdmin(page);
  const organisation = await createRecord(page, 'organisation', { name: 'Groothandel Noord' });
  const total = 260;
  for (let start = 1; start <= total; start += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, total - start + 1) }, (_, offset) => {
        const n = String(start + offset).padStart(3, '0');
        return createRecord(page, 'contact', { first_name: 'Klant', last_name: `Nummer ${n}`, organisation_id: organisation.id });
      }),
    );
  }

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Contacts' }).click();
  await expect(page.getByText(`${total} contacts in total`)).toBeVisible();
  const table = page.getByRole('table', { name: 'Contacts' });
  await expect(table.getByRole('link', { name: 'Klant Nummer 001' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Organisation' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'contacts-list');
  // Only a screenful of rows is drawn, and the first page of 100 is all that is loaded.
  const list = page.locator('.vt');
  expect(Number(await list.getAttribute('data-rendered-rows'))).toBeLessThan(40);
  expect(await table.getByRole('row').count()).toBeLessThan(40);
  expect(Number(await list.getAttribute('data-loaded-rows'))).toBeLessThanOrEqual(200);

  // The arrow keys move from row to row.
  await table.getByRole('link', { name: 'Klant Nummer 001' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(table.getByRole('link', { name: 'Klant Nummer 002' })).toBeFocused();

  // Scrolling to the end fetches the next pages; the last contact appears.
  const viewport = page.locator('.vt-viewport');
  await expect(async () => {
    await viewport.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(table.getByRole('link', { name: `Klant Nummer ${total}` })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(table.getByRole('link', { name: 'Klant Nummer 001' })).toHaveCount(0);
  expect(Number(await list.getAttribute('data-rendered-rows'))).toBeLessThan(40);
  await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));

  // Home and End jump to the first and the last row.
  await table.getByRole('link', { name: `Klant Nummer ${total}` }).focus();
  await page.keyboard.press('Home');
  await expect(table.getByRole('link', { name: 'Klant Nummer 001' })).toBeFocused();

  // A filter is applied by the core: only the contacts of one organisation.
  const other = await createRecord(page, 'organisation', { name: 'Visserij Zuid' });
  await createRecord(page, 'contact', { first_name: 'Zee', last_name: 'Visser', organisation_id: other.id });
  await page.getByRole('group', { name: 'Sort and filter' }).getByRole('combobox', { name: 'Organisation' }).fill('Visserij');
  await page.getByRole('option', { name: /Visserij Zuid/ }).click();
  await expect(table.getByRole('link', { name: 'Zee Visser' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
  // Above the list: how many match, of all there are (counted by the core, within the read scope).
  await expect(page.getByText(/^1 of [\d,]+ contacts match the filter$/)).toBeVisible();

  // Deleting asks first (one step: nothing goes with it); the record then leaves the list, and Back
  // leads to the filtered list.
  await table.getByRole('link', { name: 'Zee Visser' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 2, name: 'Zee Visser' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete Zee Visser?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Move contact to trash' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Contacts' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Sort and filter' }).getByRole('combobox', { name: 'Organisation' })).toHaveValue('Visserij Zuid');
  await expect(table.getByText('Nothing matches these filters.')).toBeVisible();
});

test('what is logged on a timeline starts done, but a task or a day after today starts open, until Done is set by hand', async ({ page }) => {
  await signInAsAdmin(page);
  await createRecord(page, 'contact', { first_name: 'Plan', last_name: 'Vooruit' });
  await goTo(page, 'Contacts');
  await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Plan Vooruit' }).click();
  const logForm = page.locator('.log-activity');
  const done = logForm.getByRole('checkbox', { name: 'Done' });
  // A call today has happened.
  await expect(logForm.getByLabel('Type')).toHaveValue('call');
  await expect(done).toBeChecked();
  // A task is a plan; so is a call on a day to come.
  await logForm.getByLabel('Type').selectOption('task');
  await expect(done).not.toBeChecked();
  await logForm.getByLabel('Type').selectOption('call');
  await expect(done).toBeChecked();
  await logForm.getByLabel('Due').fill('2099-06-01');
  await expect(done).not.toBeChecked();
  // Set by hand, Done stays as set.
  await done.check();
  await logForm.getByLabel('Type').selectOption('task');
  await expect(done).toBeChecked();
  await done.uncheck();

  await logForm.getByLabel('Subject').fill('Send the quote');
  await logForm.getByRole('button', { name: 'Add to timeline' }).click();
  const entry = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').filter({ hasText: 'Send the quote' });
  await expect(entry.locator('.timeline-meta')).toContainText(/open/i);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Home' }).click();
  await expect(page.getByRole('main').getByRole('link', { name: 'Send the quote' })).toBeVisible();
});

test('a timeline entry without a day says only whether it is open, with nothing in front', async ({ page }) => {
  await signInAsAdmin(page);
  const contact = await createRecord(page, 'contact', { first_name: 'Door', last_name: 'Zonderdag' });
  await createRecord(page, 'activity', { kind: 'note', subject: 'Undated note', contact_id: contact.id });
  await goTo(page, 'Contacts');
  await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Door Zonderdag' }).click();
  const entry = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').filter({ hasText: 'Undated note' });
  await expect(entry.locator('.timeline-meta')).toHaveText(/^(open|done)$/i);
});

test('a busy organisation’s timeline shows the activities nearest to today, says how many there are, and links to all of them', async ({ page }) => {
  await signInAsAdmin(page);
  const org = await createRecord(page, 'organisation', { name: 'Vos Transport' });
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < 21; i++) await createRecord(page, 'activity', { kind: 'meeting', subject: `Rit ${i + 1}`, due_at: day(60 + i), organisation_id: org.id });
  await createRecord(page, 'activity', { kind: 'call', subject: 'Gisteren gebeld', due_at: day(-1), done: true, organisation_id: org.id });
  await goTo(page, 'Organisations');
  await page.getByRole('table', { name: 'Organisations' }).getByRole('link', { name: 'Vos Transport' }).click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('list', { name: 'Timeline' }).getByRole('listitem')).toHaveCount(20);
  await expect(timeline.getByRole('link', { name: 'Gisteren gebeld' })).toBeVisible();
  await expect(timeline).toContainText('These are the 20 nearest to today of 22 activities.');
  await timeline.getByRole('button', { name: 'All 22 activities' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Activities' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Sort and filter' }).getByRole('combobox', { name: 'Organisation' })).toHaveValue('Vos Transport');
});
