/**
 * Exporting a list from the screen, in Dutch: the file is what Dutch and Belgian Excel open as a
 * table — a UTF-8 byte order mark, ';' between cells, ',' before the cents — with Dutch headers
 * and labels, the unit of money in its header. The export asks for a fresh code when the last one
 * is not.
 */
import { readFile } from 'node:fs/promises';
import { createRecord } from './crm';
import { expect, saveScreenshot, test } from './fixtures';
import { signInAsAdmin, switchLanguage } from './flows';
import { todayIso } from '../../renderer/src/format';

// Starts from an install an admin provisioned with `admin init`; setup itself is first-run.spec.ts's.
test.use({ install: 'provisioned' });

test('a list exported in Dutch opens in Dutch Excel: byte order mark, ";" and ",", Dutch headers and labels', async ({ page }) => {
  const admin = await signInAsAdmin(page);
  await createRecord(page, 'deal', { title: 'Ovens', stage: 'won', value_cents: 123456, expected_close: '2026-03-31' });
  await createRecord(page, 'deal', { title: 'Creditnota', stage: 'lost', value_cents: 5000 });

  await switchLanguage(page, 'nl');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Deals', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Deals' })).toBeVisible();

  const downloading = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByRole('main').getByRole('button', { name: 'Exporteren' }).click();
  const stepUp = page.getByRole('dialog', { name: 'Bevestig dat jij het bent' });
  const done = page.getByText(/^2 deals geëxporteerd naar kluis-deals-\d{4}-\d{2}-\d{2}\.csv\.$/);
  await expect(stepUp.or(done).first()).toBeVisible();
  if (await stepUp.isVisible()) {
    await stepUp.getByLabel('Code').fill(await admin.authenticator.nextCode());
    await stepUp.getByRole('button', { name: 'Bevestigen' }).click();
  }
  const download = await downloading;
  await expect(done).toBeVisible();

  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.subarray(3).toString('utf8').split('\r\n')).toEqual([
    'Titel;Organisatie;Contactpersoon;Fase;Waarde (EUR);Verwachte afronding;Notities',
    'Ovens;;;Gewonnen;1234,56;2026-03-31;',
    'Creditnota;;;Verloren;50,00;;',
    '',
  ]);
});

test('the export notice groups its count as the progress line and the list do, and regroups on a language switch', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const admin = await signInAsAdmin(page);
  // 1,001 contacts: past a thousand, where "1001" and "1,001" differ. Made in one page call, for speed.
  const made = await page.evaluate(async () => {
    type LooseBridge = { kluis: { invoke(channel: string, input: unknown): Promise<{ ok: boolean }> } };
    const { kluis } = window as unknown as LooseBridge;
    let ok = 0;
    for (let i = 0; i < 1001; i++) if ((await kluis.invoke('records.create', { entity: 'contact', values: { last_name: `Jansen ${i}` } })).ok) ok++;
    return ok;
  });
  expect(made).toBe(1001);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Contacts', exact: true }).click();
  await expect(page.getByText('1,001 contacts in total')).toBeVisible();
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('main').getByRole('button', { name: 'Export' }).click();
  const stepUp = page.getByRole('dialog', { name: 'Confirm it is you' });
  const done = page.getByText(/^1,001 contacts exported to kluis-contacts-\d{4}-\d{2}-\d{2}\.csv\.$/);
  await expect(stepUp.or(done).first()).toBeVisible();
  if (await stepUp.isVisible()) {
    await stepUp.getByLabel('Code').fill(await admin.authenticator.nextCode());
    await stepUp.getByRole('button', { name: 'Confirm' }).click();
  }
  await downloading;
  await expect(done).toBeVisible();
  await saveScreenshot(page, testInfo, 'export-done');

  await switchLanguage(page, 'nl');
  await expect(page.getByText(/^1\.001 contactpersonen geëxporteerd naar kluis-contacts-\d{4}-\d{2}-\d{2}\.csv\.$/)).toBeVisible();
});

test('in Dutch the file is named in Dutch and the notice names the kind, singular for one', async ({ page }) => {
  const admin = await signInAsAdmin(page);
  await createRecord(page, 'organisation', { name: 'Bakkerij Jansen' });
  await switchLanguage(page, 'nl');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Organisaties', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Organisaties' })).toBeVisible();

  const fileName = `kluis-organisaties-${todayIso()}.csv`;
  const downloading = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByRole('main').getByRole('button', { name: 'Exporteren' }).click();
  const stepUp = page.getByRole('dialog', { name: 'Bevestig dat jij het bent' });
  const done = page.getByText(`1 organisatie geëxporteerd naar ${fileName}.`, { exact: true });
  await expect(stepUp.or(done).first()).toBeVisible();
  if (await stepUp.isVisible()) {
    await stepUp.getByLabel('Code').fill(await admin.authenticator.nextCode());
    await stepUp.getByRole('button', { name: 'Bevestigen' }).click();
  }
  expect((await downloading).suggestedFilename()).toBe(fileName);
  await expect(done).toBeVisible();
  // The notice follows the language; the file keeps the name it was saved with.
  await switchLanguage(page, 'en');
  await expect(page.getByText(`1 organisation exported to ${fileName}.`, { exact: true })).toBeVisible();
});

test('a filtered list exports what it shows, and says so', async ({ page }) => {
  const admin = await signInAsAdmin(page);
  await createRecord(page, 'deal', { title: 'Ovens', stage: 'won', value_cents: 123456 });
  await createRecord(page, 'deal', { title: 'Creditnota', stage: 'lost', value_cents: 5000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Deals', exact: true }).click();
  // The filter's name is its label alone, not the label and the chosen option.
  const stage = page.getByRole('group', { name: 'Sort and filter' }).getByRole('combobox', { name: 'Stage', exact: true });
  await stage.selectOption({ label: 'Won' });
  await expect(page.getByRole('status').filter({ hasText: '1 of 2 deals match the filter' })).toBeVisible();

  const downloading = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByRole('main').getByRole('button', { name: 'Export' }).click();
  const stepUp = page.getByRole('dialog', { name: 'Confirm it is you' });
  const done = page.getByText(/^1 deal matching the filter exported to kluis-deals-\d{4}-\d{2}-\d{2}\.csv\.$/);
  await expect(stepUp.or(done).first()).toBeVisible();
  if (await stepUp.isVisible()) {
    await stepUp.getByLabel('Code').fill(await admin.authenticator.nextCode());
    await stepUp.getByRole('button', { name: 'Confirm' }).click();
  }
  const download = await downloading;
  await expect(done).toBeVisible();
  const lines = (await readFile(await download.path())).subarray(3).toString('utf8').split('\r\n');
  expect(lines.slice(1)).toEqual(['Ovens,,,Won,1234.56,,', '']);
});
