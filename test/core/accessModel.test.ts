/**
 * The access model on its own: roles give rights, overrides grant or deny single ones, a deny always
 * wins, module access gates what is inside, and every decision can say why.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, decideField, decideRecord, decideTask, type Override, type RoleDefinition } from '../../shared/access';

const role = (id: string): RoleDefinition => BUILT_IN_ROLES.find((r) => r.id === id)!;

describe('the built-in roles', () => {
  it('are the seven of the design, each named in English and Dutch', () => {
    expect(BUILT_IN_ROLES.map((r) => r.id)).toEqual(['admin', 'office', 'sales', 'finance', 'marketing', 'privacy', 'readonly']);
    for (const r of BUILT_IN_ROLES) expect(r.name.en && r.name.nl).toBeTruthy();
  });

  it('give the payment reminder to Finance only and publishing to Marketing only', () => {
    const holders = (task: 'finance.sendPaymentReminder' | 'marketing.publish') =>
      BUILT_IN_ROLES.filter((r) => decideTask(r, [], task).value).map((r) => r.id);
    expect(holders('finance.sendPaymentReminder')).toEqual(['finance']);
    expect(holders('marketing.publish')).toEqual(['marketing']);
  });

  it('hide special-category fields from everyone but the privacy officer (the admin sees them masked)', () => {
    const access = BUILT_IN_ROLES.map((r) => [r.id, decideField(r, [], 'contact', 'birth_date', 'special').value]);
    expect(Object.fromEntries(access)).toEqual({
      admin: 'masked',
      office: 'hidden',
      sales: 'hidden',
      finance: 'hidden',
      marketing: 'hidden',
      privacy: 'read',
      readonly: 'hidden',
    });
  });

  it('make export and delete rarer than read', () => {
    for (const r of BUILT_IN_ROLES) {
      for (const entity of ['contact', 'organisation', 'deal'] as const) {
        const rank = (action: 'read' | 'export' | 'delete') => ['none', 'own', 'team', 'all'].indexOf(decideRecord(r, [], entity, action).value);
        expect(rank('export'), `${r.id} ${entity}`).toBeLessThanOrEqual(rank('read'));
        expect(rank('delete'), `${r.id} ${entity}`).toBeLessThanOrEqual(rank('read'));
      }
    }
  });
});

describe('overrides', () => {
  const office = role('office');

  it('a deny takes a right away from one user, and wins over a grant of the same right', () => {
    const deny: Override = { right: 'task:data.export', effect: 'deny' };
    const grant: Override = { right: 'task:data.export', effect: 'grant' };
    expect(decideTask(office, [], 'data.export').value).toBe(true);
    expect(decideTask(office, [deny], 'data.export').value).toBe(false);
    expect(decideTask(office, [grant, deny], 'data.export').value).toBe(false);
  });

  it('a grant widens a record scope but never narrows it', () => {
    const sales = role('sales');
    expect(decideRecord(sales, [], 'contact', 'read').value).toBe('team');
    expect(decideRecord(sales, [{ right: 'record:contact.read', effect: 'grant', scope: 'all' }], 'contact', 'read').value).toBe('all');
    expect(decideRecord(sales, [{ right: 'record:contact.read', effect: 'grant', scope: 'own' }], 'contact', 'read').value).toBe('team');
  });

  it('without the module, no record right inside it counts', () => {
    const denied = decideRecord(office, [{ right: 'module:finance', effect: 'deny' }], 'invoice', 'read');
    expect(denied.value).toBe('none');
    expect(denied.reasons.map((r) => r.source)).toEqual(['module', 'module']);
  });

  it('explain names the role and the override', () => {
    const decision = decideTask(office, [{ right: 'task:data.export', effect: 'deny' }], 'data.export');
    expect(decision.reasons.map((r) => r.text.en)).toEqual([
      'Role Office staff includes the task "data.export".',
      'A personal override denies "data.export" (a deny always wins).',
    ]);
  });
});
