/**
 * A record's page offers only what its reader may do to that record. Office staff may edit every
 * organisation but delete only their own: on a colleague's organisation there is Edit and no
 * Delete (which would only have ended in "Kluis could not work out what this deletes: You may not
 * delete this organisation."); on their own, both. In the list, only their own has a checkbox.
 * A list row carries the core's answer for that row (by owner and team), so a right by team is
 * offered on the team's rows and not on another team's.
 */
import { addColleagueAndSignIn, adminJoinsTeam, createRecord, goTo, recordHeading } from './crm';
import { expect, test } from './fixtures';
import { invoke, signInAsAdmin } from './flows';

// Starts from an install an admin provisioned with `admin init`; setup itself is first-run.spec.ts's.
test.use({ install: 'provisioned' });

test("Office staff see Delete on their own organisation's page, not on a colleague's", async ({ page }) => {
  test.setTimeout(180_000);
  const admin = await signInAsAdmin(page);
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

  // In the list, only her own organisation can be chosen for deletion; "select all" takes only that.
  await goTo(page, 'Organisations');
  await expect(main.getByRole('checkbox', { name: `Select ${own.title}` })).toBeVisible();
  await expect(main.getByRole('link', { name: theirs.title })).toBeVisible();
  await expect(main.getByRole('checkbox', { name: `Select ${theirs.title}` })).toHaveCount(0);
  // Said, so nobody wonders why a row has none.
  await expect(main.getByText('You may delete only your own organisations: the others have no tick box.')).toBeVisible();
  await main.getByRole('checkbox', { name: 'Select all loaded rows' }).check();
  await expect(main.getByRole('button', { name: 'Delete selected (1)' })).toBeVisible();
});

test("Field sales move their own deals on the board and tick their own activities, not a team-mate's", async ({ page }) => {
  test.setTimeout(180_000);
  const admin = await signInAsAdmin(page);
  const team = await invoke(page, 'teams.create', { name: 'Noord' });
  if (!team.ok) throw new Error(team.error.message);
  // The administrator joins the team, so what they create next is the team's (and so readable).
  await adminJoinsTeam(page, admin.authenticator, team.value.id);
  await createRecord(page, 'deal', { title: 'Ovens van de admin', stage: 'lead' });
  await createRecord(page, 'activity', { kind: 'task', subject: 'Taak van de admin' });
  await addColleagueAndSignIn(page, admin.authenticator, {
    username: 'sam.sales',
    displayName: 'Sam de Vries',
    password: 'another correct horse battery',
    role: 'sales',
    teamIds: [team.value.id],
  });
  await createRecord(page, 'deal', { title: 'Ovens van Sam', stage: 'lead' });
  await createRecord(page, 'activity', { kind: 'task', subject: 'Taak van Sam' });

  await goTo(page, 'Deals');
  await page.getByRole('main').getByRole('button', { name: 'Board' }).click();
  await expect(page.getByRole('link', { name: 'Ovens van de admin' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Stage of Ovens van Sam' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Stage of Ovens van de admin' })).toHaveCount(0);

  await goTo(page, 'Activities');
  await expect(page.getByRole('link', { name: 'Taak van de admin' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Done: Taak van Sam' })).toBeEnabled();
  // A team-mate's task shows its state, read-only, under the same name.
  await expect(page.getByRole('checkbox', { name: 'Done: Taak van de admin' })).toBeDisabled();
});

test("a list offers no change the core would refuse: another team's rows have no checkbox, Stage select or working Done", async ({ page }) => {
  test.setTimeout(180_000);
  const admin = await signInAsAdmin(page);
  const teamIds: Record<string, number> = {};
  for (const name of ['Noord', 'Zuid']) {
    const team = await invoke(page, 'teams.create', { name });
    if (!team.ok) throw new Error(team.error.message);
    teamIds[name] = team.value.id;
  }
  // The administrator makes a deal, a task and an organisation in each team.
  for (const name of ['Zuid', 'Noord']) {
    await adminJoinsTeam(page, admin.authenticator, teamIds[name]!);
    await createRecord(page, 'organisation', { name: `Bakkerij ${name}` });
    await createRecord(page, 'deal', { title: `Ovens ${name}`, stage: 'lead' });
    await createRecord(page, 'activity', { kind: 'task', subject: `Taak ${name}` });
  }
  // Field sales in Noord, who may also delete, move and tick off what their team has, and read
  // every deal and activity: rights by team, which only the core can tell row by row.
  await addColleagueAndSignIn(page, admin.authenticator, {
    username: 'sam.sales',
    displayName: 'Sam de Vries',
    password: 'another correct horse battery',
    role: 'sales',
    teamIds: [teamIds.Noord!],
    overrides: [
      { right: 'record:organisation.delete', effect: 'grant', scope: 'team' },
      { right: 'record:deal.read', effect: 'grant', scope: 'all' },
      { right: 'record:deal.update', effect: 'grant', scope: 'team' },
      { right: 'record:activity.read', effect: 'grant', scope: 'all' },
      { right: 'record:activity.update', effect: 'grant', scope: 'team' },
    ],
  });
  const main = page.getByRole('main');

  await goTo(page, 'Organisations');
  await expect(main.getByRole('link', { name: 'Bakkerij Zuid' })).toBeVisible();
  await expect(main.getByRole('checkbox', { name: 'Select Bakkerij Noord' })).toBeVisible();
  await expect(main.getByRole('checkbox', { name: 'Select Bakkerij Zuid' })).toHaveCount(0);

  await goTo(page, 'Deals');
  await main.getByRole('button', { name: 'Board' }).click();
  await expect(main.getByRole('link', { name: 'Ovens Zuid' })).toBeVisible();
  await expect(main.getByRole('combobox', { name: 'Stage of Ovens Noord' })).toBeVisible();
  await expect(main.getByRole('combobox', { name: 'Stage of Ovens Zuid' })).toHaveCount(0);

  await goTo(page, 'Activities');
  const theirs = main.getByRole('checkbox', { name: 'Done: Taak Zuid' });
  await expect(theirs).toBeDisabled();
  await expect(theirs).not.toBeChecked();
  // The team's task is ticked off for real: the core agrees and the row stays ticked.
  const ours = main.getByRole('checkbox', { name: 'Done: Taak Noord' });
  await ours.check();
  await expect(ours).toBeChecked();
  await expect(main.getByRole('alert')).toHaveCount(0);
  await goTo(page, 'Deals');
  await goTo(page, 'Activities');
  await expect(main.getByRole('checkbox', { name: 'Done: Taak Noord' })).toBeChecked();
});
