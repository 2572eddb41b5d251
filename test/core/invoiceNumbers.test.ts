/**
 * An invoice number is unique in the whole install, the trash included: one already in use is a
 * reason under the number field, the same for every caller — not an internal error.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, type RoleDefinition } from '../../shared/access';
import { signedInAdmin, signInAsNewUser } from '../support/install';

const TAKEN = {
  code: 'VALIDATION',
  messageId: 'records.invoiceNumberTaken',
  details: { fieldMessages: { number: { id: 'records.invoiceNumberTaken', values: { number: 'F-1001' } } } },
};

describe('an invoice number in use', () => {
  it('is refused under the number field, on create and on edit, also for a caller who cannot see the other invoice', async () => {
    const t = await signedInAdmin();
    const org = await t.call('records.create', { entity: 'organisation', values: { name: 'Bakkerij Jansen' } });
    const orgId = (org as unknown as { value: { id: number } }).value.id;
    const invoice = { organisation_id: orgId, amount_cents: 5000, due_on: '2026-12-31', status: 'sent' };
    expect((await t.call('records.create', { entity: 'invoice', values: { ...invoice, number: 'F-1001' } })).ok).toBe(true);
    expect(await t.call('records.create', { entity: 'invoice', values: { ...invoice, number: 'F-1001' } })).toMatchObject({ ok: false, error: TAKEN });
    const other = await t.call('records.create', { entity: 'invoice', values: { ...invoice, number: 'F-1002' } });
    const otherId = (other as unknown as { value: { id: number } }).value.id;
    expect(await t.call('records.update', { entity: 'invoice', id: otherId, values: { number: 'F-1001' } })).toMatchObject({ ok: false, error: TAKEN });

    // Finance reading only its own invoices meets the same reason, not an internal error.
    const finance = BUILT_IN_ROLES.find((r) => r.id === 'finance')!;
    const records = { ...finance.rights.records, invoice: { ...finance.rights.records.invoice, read: 'own' as const, create: 'all' as const } };
    const role = await t.call('roles.save', { name: { en: 'Own invoices', nl: 'Eigen facturen' }, rights: { ...finance.rights, records } });
    await signInAsNewUser(t, 'fenna', (role as unknown as { value: RoleDefinition }).value.id);
    expect(await t.call('records.create', { entity: 'invoice', values: { ...invoice, number: 'F-1001' } })).toMatchObject({ ok: false, error: TAKEN });
  });
});
