/**
 * An invoice number is unique in the whole install, the trash included: one already in use is a
 * reason under the number field, the same for every caller — not an internal error. A new invoice
 * is offered the next number of the install's series.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, type RoleDefinition } from '../../shared/access';
import { localDay } from '../../shared/localDay';
import { nextInvoiceNumber } from '../../electron/core/records/invoiceNumbers';
import { signedInAdmin, signInAsNewUser, switchToAdmin } from '../support/install';

/** Taken, with the next free number of the series as it stands. */
const taken = (number: string, next: string) => ({
  code: 'VALIDATION',
  messageId: 'records.invoiceNumberTakenNext',
  details: { fieldMessages: { number: { id: 'records.invoiceNumberTakenNext', values: { number, next } } } },
});

describe('an invoice number in use', () => {
  it('is refused under the number field, on create and on edit, also for a caller who cannot see the other invoice', async () => {
    const t = await signedInAdmin();
    const org = await t.call('records.create', { entity: 'organisation', values: { name: 'Bakkerij Jansen' } });
    const orgId = (org as unknown as { value: { id: number } }).value.id;
    const invoice = { organisation_id: orgId, amount_cents: 5000, due_on: '2026-12-31', status: 'sent' };
    expect((await t.call('records.create', { entity: 'invoice', values: { ...invoice, number: 'F-1001' } })).ok).toBe(true);
    expect(await t.call('records.create', { entity: 'invoice', values: { ...invoice, number: 'F-1001' } })).toMatchObject({ ok: false, error: taken('F-1001', 'F-1002') });
    // Capitals do not make another number.
    expect(await t.call('records.create', { entity: 'invoice', values: { ...invoice, number: 'f-1001' } })).toMatchObject({ ok: false, error: taken('f-1001', 'F-1002') });
    const other = await t.call('records.create', { entity: 'invoice', values: { ...invoice, number: 'F-1002' } });
    const otherId = (other as unknown as { value: { id: number } }).value.id;
    expect(await t.call('records.update', { entity: 'invoice', id: otherId, values: { number: 'F-1001' } })).toMatchObject({ ok: false, error: taken('F-1001', 'F-1003') });
    // Its own number in other capitals is no clash.
    expect((await t.call('records.update', { entity: 'invoice', id: otherId, values: { number: 'f-1002' } })).ok).toBe(true);

    // Finance reading only its own invoices meets the same reason, not an internal error.
    const finance = BUILT_IN_ROLES.find((r) => r.id === 'finance')!;
    const records = { ...finance.rights.records, invoice: { ...finance.rights.records.invoice, read: 'own' as const, create: 'all' as const } };
    const role = await t.call('roles.save', { name: { en: 'Own invoices', nl: 'Eigen facturen' }, rights: { ...finance.rights, records } });
    await signInAsNewUser(t, 'fenna', (role as unknown as { value: RoleDefinition }).value.id);
    expect(await t.call('records.create', { entity: 'invoice', values: { ...invoice, number: 'F-1001' } })).toMatchObject({ ok: false, error: taken('F-1001', 'f-1003') });
  });
});

describe('the number a new invoice is offered', () => {
  async function install() {
    const t = await signedInAdmin();
    const org = await t.call('records.create', { entity: 'organisation', values: { name: 'Bakkerij Jansen' } });
    const orgId = (org as unknown as { value: { id: number } }).value.id;
    const db = t.core.requireActive().db;
    const add = async (number: string) => {
      const made = await t.call('records.create', { entity: 'invoice', values: { organisation_id: orgId, amount_cents: 5000, due_on: '2026-12-31', status: 'sent', number } });
      expect(made.ok, JSON.stringify(made)).toBe(true);
      return (made as unknown as { value: { id: number } }).value.id;
    };
    return { t, db, add };
  }

  it('continues the series of the invoice made last, steps over numbers typed ahead, and starts a year’s series again in a new year', async () => {
    const { t, db, add } = await install();
    expect(nextInvoiceNumber(db, '2026-12-03')).toBe('2026-000001');
    expect(await t.call('invoices.nextNumber', { entity: 'invoice' })).toMatchObject({ ok: true, value: { number: `${localDay().slice(0, 4)}-000001` } });

    await add('2026-000019');
    expect(nextInvoiceNumber(db, '2026-12-03')).toBe('2026-000020');
    // A number typed ahead of the series is taken, whatever its capitals: the proposal steps over it.
    await add('2026-000020');
    await add('2026-000021');
    expect(nextInvoiceNumber(db, '2026-12-03')).toBe('2026-000022');
    // In a new year, a series that starts with the year starts again.
    expect(nextInvoiceNumber(db, '2027-01-02')).toBe('2027-000001');

    // The series of the invoice made last, even when another holds higher numbers.
    // "f-100" is taken whatever its capitals: after F-99 comes F-101.
    await add('f-100');
    await add('F-99');
    expect(nextInvoiceNumber(db, '2026-12-03')).toBe('F-101');
    await add('F-0007');
    // Four digits: F-0007 is the highest of its own series.
    expect(nextInvoiceNumber(db, '2026-12-03')).toBe('F-0008');

    // A trashed invoice keeps its number: it is not offered again.
    const trashed = await add('F-0008');
    expect((await t.call('records.delete', { entity: 'invoice', ids: [trashed] })).ok).toBe(true);
    expect(nextInvoiceNumber(db, '2026-12-03')).toBe('F-0009');
    // A mistyped number, trashed, no longer leads the series: the invoice made before it does.
    const typo = await add('F-00010');
    expect(nextInvoiceNumber(db, '2026-12-03')).toBe('F-00011');
    expect((await t.call('records.delete', { entity: 'invoice', ids: [typo] })).ok).toBe(true);
    expect(nextInvoiceNumber(db, '2026-12-03')).toBe('F-0009');

    // A number that ends in no digits says nothing of what follows.
    await add('Voorschot mei');
    expect(nextInvoiceNumber(db, '2026-12-03')).toBeNull();
  });

  it('is asked by whoever may make invoices, and by no one else', async () => {
    const { t } = await install();
    await signInAsNewUser(t, 'sem', 'sales');
    expect(await t.call('invoices.nextNumber', { entity: 'invoice' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await switchToAdmin(t);
    await signInAsNewUser(t, 'fenna', 'finance');
    expect(await t.call('invoices.nextNumber', { entity: 'invoice' })).toMatchObject({ ok: true });
  });
});
