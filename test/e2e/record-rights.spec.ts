/**
 * A record's page offers only what its reader may do to that record. Office staff may edit every
 * organisation but delete only their own: on a colleague's organisation there is Edit and no
 * Delete (which would only have ended in "Kluis could not work out what this deletes: You may not
 * delete this organisation."); on their own, both.
 */
import { addColleagueAndSignIn, createRecord, recordHeading } from './crm';
import { expect, test } from './fixtures';
import { setUpAndEnrol } from './flows';

test("Office staff see Delete on their own organisation's page, not on a colleague's", async ({ page }) => {
  test.setTimeout(180_000);
  const admin = await setUpAndEnrol(page);
  const theirs = await createRecord(page, 'organisation', { name: 'Bakkerij van de Admin' });
  await addColleagueAndSignIn(page, admin.authenticator, {
    username: 'olga.office',
    displayName: 'Olga Jansen',
    password: 'another correct horse battery',
    role: 'office',
  });
  const own = await createRecord(page, 'organisation', { name: 'Bakkerij van Olga' });
  const main = page.getByRole('main');

  for (const [record, deletable] of [
    [theirs, false],
    [own, true],
  ] as const) {
    await page.keyboard.press('Control+k');
    await page.keyboard.type(record.title);
    await page.getByRole('option', { name: new RegExp(record.title) }).click();
    await expect(recordHeading(page, record.title)).toBeVisible();
    await expect(main.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
    await expect(main.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(deletable ? 1 : 0);
  }
});
