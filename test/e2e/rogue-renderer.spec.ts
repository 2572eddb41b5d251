/**
 * A "rogue renderer": the page of a signed-in Field sales user calls `window.kluis.invoke` directly,
 * bypassing every hidden button, for channels and fields that role may not use. The core answers
 * each with FORBIDDEN, and each refusal is in the audit log.
 */
import { BUILT_IN_ROLES } from '../../shared/access';
import type { AuditEntry, RecordView } from '../../shared/api';
import { expect, test } from './fixtures';
import { ACCOUNT, enrolFromScreen, expectHome, invoke, signInAsAdmin, signIn, signInWithCode, signOut } from './flows';

// Starts from an install an admin provisioned with `admin init`; setup itself is first-run.spec.ts's.
test.use({ install: 'provisioned' });

const SALES = { username: 'sanne.sales', password: 'sanne-rijdt-naar-roermond-en-terug' };

test('a Field sales page that calls forbidden channels gets FORBIDDEN, and every refusal is audited', async ({ page }) => {
  test.setTimeout(180_000);
  const admin = await signInAsAdmin(page);

  // The admin (fresh code, so no step-up dialog) adds a colleague in Field sales and an organisation.
  const created = await invoke(page, 'users.create', { username: SALES.username, displayName: 'Sanne', role: 'sales' });
  expect(created.ok).toBe(true);
  const oneTimePassword = created.ok ? created.value.oneTimePassword : '';
  const org = await invoke(page, 'records.create', { entity: 'organisation', values: { name: 'Bouwbedrijf Hermans' } });
  const orgId = org.ok ? (org.value as RecordView).id : 0;
  await signOut(page);

  await signIn(page, SALES.username, oneTimePassword);
  await page.getByLabel('New password', { exact: true }).fill(SALES.password);
  await page.getByLabel('New password again').fill(SALES.password);
  await page.getByRole('button', { name: 'Save password' }).click();
  await enrolFromScreen(page);
  await expectHome(page);

  const attempts = [
    ['users.list', {}],
    ['users.create', { username: 'mallory', displayName: 'Mallory', role: 'admin' }],
    ['fields.setEnabled', { entity: 'contact', field: 'email', enabled: false, confirmValueCount: 0 }],
    ['audit.list', {}],
    ['records.list', { entity: 'invoice' }],
    ['records.export', { entity: 'contact' }],
    ['export.cancel', { jobId: 'someone-elses-export' }],
    ['records.delete', { entity: 'organisation', ids: [orgId] }],
    ['invoices.sendReminder', { id: 1 }],
    ['campaigns.publish', { id: 1 }],
    ['import.preview', { entity: 'contact', file: '' }],
    ['roles.save', { name: { en: 'Mine', nl: 'Mijn' }, rights: BUILT_IN_ROLES[0]!.rights }],
    ['users.setAccess', { userId: 2, role: 'admin', teamIds: [], overrides: [] }],
    ['access.viewAs', { userId: 1 }],
    ['privacy.accessReport', { entity: 'contact', id: 1 }],
    // A field this role may read but not edit: the change is refused, not silently dropped.
    ['records.update', { entity: 'organisation', id: orgId, values: { vat_number: 'NL000000000B01' } }],
  ] as const;
  for (const [channel, input] of attempts) {
    const answer = await invoke(page, channel as never, input as never);
    expect(answer.ok, `${channel} should be refused`).toBe(false);
    if (!answer.ok) expect(answer.error.code, channel).toBe('FORBIDDEN');
  }

  // Every refusal left a trace, with the channel and no values.
  await signOut(page);
  await signInWithCode(page, ACCOUNT.username, ACCOUNT.password, () => admin.authenticator.nextCode());
  await expectHome(page);
  const log = await invoke(page, 'audit.list', { limit: 200 });
  expect(log.ok).toBe(true);
  const denied = (log.ok ? (log.value as AuditEntry[]) : []).filter((e) => e.action === 'access.denied' && e.actor === 2);
  const deniedChannels = denied.map((e) => e.details.channel);
  for (const [channel] of attempts) expect(deniedChannels, channel).toContain(channel);
  expect(JSON.stringify(denied)).not.toContain('NL000000000B01');
});
