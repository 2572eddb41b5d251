/**
 * A Field sales morning with only the keyboard (the user test of the sales persona): every step
 * leaves focus where the next one starts, and a page offers only what the core will then do.
 */
import { addColleagueAndSignIn, adminJoinsTeam, createRecord, goTo, recordHeading } from './crm';
import { expect, test } from './fixtures';
import { invoke, signInAsAdmin } from './flows';

// Starts from an install an admin provisioned with `admin init`; setup itself is first-run.spec.ts's.
test.use({ install: 'provisioned' });

test('Field sales work a morning by keyboard: search, edit, log a call, move a deal', async ({ page }) => {
  test.setTimeout(180_000);
  const admin = await signInAsAdmin(page);
  const noord = await invoke(page, 'teams.create', { name: 'Noord' });
  const zuid = await invoke(page, 'teams.create', { name: 'Zuid' });
  if (!noord.ok || !zuid.ok) throw new Error('teams.create failed');
  await adminJoinsTeam(page, admin.authenticator, zuid.value.id);
  await createRecord(page, 'organisation', { name: 'Zuid Holding' });
  await adminJoinsTeam(page, admin.authenticator, noord.value.id);
  await createRecord(page, 'organisation', { name: 'Noord BV' });
  await addColleagueAndSignIn(page, admin.authenticator, {
    username: 'sam.sales',
    displayName: 'Sam de Vries',
    password: 'another correct horse battery',
    role: 'sales',
    teamIds: [noord.value.id],
  });
  const muller = await createRecord(page, 'contact', { first_name: 'Jürgen', last_name: 'Müller' });
  await createRecord(page, 'deal', { title: 'Ovens voor Müller', stage: 'lead', contact_id: muller.id });
  const main = page.getByRole('main');

  // Ctrl+K, "muller" and Enter at once: the Enter waits for the results instead of being lost.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('muller');
  await page.keyboard.press('Enter');
  await expect(recordHeading(page, 'Jürgen Müller')).toBeVisible();

  // Edit by keyboard: the form's first field takes the focus the Edit button had.
  await main.getByRole('button', { name: 'Edit', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(main.getByLabel('First name')).toBeFocused();
  // Escape with nothing changed closes the form, and the focus is back on Edit.
  await page.keyboard.press('Escape');
  await expect(main.getByRole('button', { name: 'Edit', exact: true })).toBeFocused();

  // Log a call: after it is added, focus is in the fresh form, not at the top of the page.
  const subject = main.getByRole('textbox', { name: /Subject/ });
  await subject.focus();
  await page.keyboard.type('Gebeld over ovens');
  await page.keyboard.press('Enter');
  await expect(main.getByText('“Gebeld over ovens” is added to the timeline.')).toBeVisible();
  await expect(main.getByRole('combobox', { name: /Type/ })).toBeFocused();
  // The fresh form holds nothing to undo: Ctrl+Z from its Type takes the call back, Ctrl+Shift+Z brings it again.
  const logged = main.getByRole('region', { name: 'Timeline' }).getByRole('link', { name: 'Gebeld over ovens' });
  await expect(logged).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(logged).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(logged).toBeVisible();

  // The board: the arrow keys choose a stage, passing others without moving the deal there;
  // Enter moves it, once, and focus goes along with it.
  await goTo(page, 'Deals');
  await main.getByRole('button', { name: 'Board' }).click();
  const stage = main.getByRole('combobox', { name: 'Stage of Ovens voor Müller' });
  await expect(stage).toHaveAccessibleDescription('The arrow keys choose a stage; Enter moves the deal there.');
  await stage.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(stage).toHaveValue('proposal');
  await expect(main.getByRole('region', { name: /Lead/ }).getByRole('link', { name: 'Ovens voor Müller' })).toBeVisible();
  // Escape puts it back, nothing moved; so does a letter (type-ahead) until Enter.
  await page.keyboard.press('Escape');
  await expect(stage).toHaveValue('lead');
  await page.keyboard.press('w');
  await expect(stage).toHaveValue('won');
  await page.keyboard.press('Escape');
  await expect(stage).toHaveValue('lead');
  await expect(main.getByRole('region', { name: /Lead/ }).getByRole('link', { name: 'Ovens voor Müller' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(main.getByText('“Ovens voor Müller” moved to Proposal.')).toBeVisible();
  await expect(main.getByRole('region', { name: /Proposal/ }).getByRole('link', { name: 'Ovens voor Müller' })).toBeVisible();
  await expect(stage).toBeFocused();
  // Ctrl+K and Escape, Escape: the empty box gives the focus back to where it was, where the keys work.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('combobox', { name: 'Search' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(stage).toBeFocused();
  // One move, one command: Ctrl+Z takes it back to Lead, not to the stage passed on the way.
  await page.keyboard.press('Control+z');
  await expect(main.getByRole('region', { name: /Lead/ }).getByRole('link', { name: 'Ovens voor Müller' })).toBeVisible();
  // The board is shown afresh; the keyboard is back on the deal's card, not at the page's heading.
  await expect(stage).toBeFocused();
  await page.keyboard.press('Control+Shift+z');
  await expect(main.getByRole('region', { name: /Proposal/ }).getByRole('link', { name: 'Ovens voor Müller' })).toBeVisible();
  await expect(stage).toBeFocused();

  // Organisations: their own team's can be edited; another team's only read, so no Edit button.
  for (const [name, editable] of [
    ['Noord BV', true],
    ['Zuid Holding', false],
  ] as const) {
    await page.keyboard.press('Control+k');
    await page.keyboard.type(name);
    await page.getByRole('option', { name: new RegExp(name) }).waitFor();
    await page.keyboard.press('Enter');
    await expect(recordHeading(page, name)).toBeVisible();
    await expect(main.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(editable ? 1 : 0);
  }
  // Sam reads his team's records only: the page does not claim nothing is linked, only nothing he may see.
  await expect(main.getByText('Nothing you may see is linked to this yet.')).toBeVisible();
});
