/** Steps the CRM specs share: moving around the shell, and filling the core with records fast. */
import type { Page } from '@playwright/test';
import type { ChannelInput, RecordView } from '../../shared/api';
import { expect } from './fixtures';
import { enrolFromScreen, expectHome, invoke, signIn, signOut, type Authenticator, type Enrolment } from './flows';

export function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

export async function goTo(page: Page, item: string): Promise<void> {
  await nav(page).getByRole('button', { name: item, exact: true }).click();
}

/** Creates a record through the same bridge the renderer uses (for test data, not for the flow under test). */
export async function createRecord(
  page: Page,
  entity: ChannelInput<'records.create'>['entity'],
  values: ChannelInput<'records.create'>['values'],
): Promise<RecordView> {
  const result = await invoke(page, 'records.create', { entity, values });
  if (!result.ok) throw new Error(`records.create ${entity} failed: ${result.error.message} ${JSON.stringify(result.error.details)}`);
  return result.value;
}

/** Picks a record in a reference picker by typing part of its name. */
export async function pick(page: Page, label: string, typed: string, option: string | RegExp): Promise<void> {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.fill(typed);
  await page.getByRole('option', { name: option }).click();
  await expect(box).toHaveValue(typeof option === 'string' ? option : /.+/);
}

/** The heading of a record page. */
export function recordHeading(page: Page, title: string) {
  return page.getByRole('main').getByRole('heading', { level: 2, name: title, exact: true });
}

/**
 * The administrator (user 1) joins one team, so what they create next is the team's; with a fresh
 * code when the core asks for one.
 */
export async function adminJoinsTeam(page: Page, admin: Authenticator, teamId: number): Promise<void> {
  const input = { userId: 1, role: 'admin', teamIds: [teamId], overrides: [] };
  let joined = await invoke(page, 'users.setAccess', input);
  if (!joined.ok && joined.error.code === 'STEP_UP_REQUIRED') {
    await invoke(page, 'session.stepUp', { code: await admin.nextCode() });
    joined = await invoke(page, 'users.setAccess', input);
  }
  expect(joined.ok, JSON.stringify(joined)).toBe(true);
}

export interface Colleague {
  username: string;
  displayName: string;
  password: string;
  role: string;
  /** Teams to put the colleague in (ids from teams.create), before they first sign in. */
  teamIds?: number[];
  /** Personal overrides to give them, as users.setAccess takes them. */
  overrides?: ChannelInput<'users.setAccess'>['overrides'];
}

/**
 * The signed-in administrator adds a colleague with a role, signs out, and the colleague signs in
 * for the first time: one-time password, own password, two-step sign-in. Ends on their home page.
 */
export async function addColleagueAndSignIn(page: Page, admin: Authenticator, colleague: Colleague): Promise<Enrolment> {
  const input = { username: colleague.username, displayName: colleague.displayName, role: colleague.role };
  let created = await invoke(page, 'users.create', input);
  if (!created.ok && created.error.code === 'STEP_UP_REQUIRED') {
    const stepUp = await invoke(page, 'session.stepUp', { code: await admin.nextCode() });
    if (!stepUp.ok) throw new Error(`session.stepUp failed: ${stepUp.error.message}`);
    created = await invoke(page, 'users.create', input);
  }
  if (!created.ok) throw new Error(`users.create failed: ${created.error.message}`);
  if (colleague.teamIds || colleague.overrides) {
    const access = { userId: created.value.user.id, role: colleague.role, teamIds: colleague.teamIds ?? [], overrides: colleague.overrides ?? [] };
    const set = await invoke(page, 'users.setAccess', access);
    if (!set.ok) throw new Error(`users.setAccess failed: ${set.error.message}`);
  }
  await signOut(page);
  await signIn(page, colleague.username, created.value.oneTimePassword);
  await expect(page.getByRole('heading', { name: 'Choose your own password' })).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill(colleague.password);
  await page.getByLabel('New password again').fill(colleague.password);
  await page.getByRole('button', { name: 'Save password' }).click();
  const enrolment = await enrolFromScreen(page);
  await expectHome(page);
  return enrolment;
}
