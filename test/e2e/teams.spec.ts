/** A new team on the Access page: an empty or too long name is said under the field; a good one is added and ticked. */
import { expect, test } from './fixtures';
import { goTo } from './crm';
import { ACCOUNT, signInAsAdmin } from './flows';

test.use({ install: 'provisioned' });

test('a new team needs a name of at most 100 characters, and is ticked for the user once made', async ({ page }) => {
  await signInAsAdmin(page);
  await goTo(page, 'Access');
  await page.getByLabel('User', { exact: true }).selectOption({ label: ACCOUNT.username });
  const name = page.getByLabel('Name of the new team');
  const add = page.getByRole('button', { name: 'Add team' });
  await add.click();
  await expect(name).toHaveAccessibleDescription('Enter a name for the team.');
  await name.fill('N'.repeat(101));
  await add.click();
  await expect(name).toHaveAccessibleDescription('Use at most 100 characters.');
  await name.fill('  Noord  ');
  await add.click();
  await expect(page.getByRole('checkbox', { name: 'Noord' })).toBeChecked();
  await expect(name).toHaveValue('');
});
