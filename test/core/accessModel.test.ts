/**
 * The access model on its own: roles give rights, overrides grant or deny single ones, a deny always
 * wins, module access gates what is inside, and every decision can say why.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, decideField, decideRecord, decideTask, TASK_MODULE, TASKS, type Override, type RoleDefinition } from '../../shared/access';

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

  it('without the module, no task of it counts either: Administration and Audit gate their tasks', () => {
    const admin = role('admin');
    const noAudit = decideTask(admin, [{ right: 'module:audit', effect: 'deny' }], 'audit.read');
    expect(noAudit.value).toBe(false);
    expect(noAudit.reasons.map((r) => r.source)).toEqual(['module', 'module']);
    const noAdmin: Override[] = [{ right: 'module:admin', effect: 'deny' }];
    for (const task of ['users.manage', 'roles.manage', 'fields.manage', 'policy.manage', 'install.backup'] as const) expect(decideTask(admin, noAdmin, task).value, task).toBe(false);
    // Tasks that reach across modules stand alone.
    expect(decideTask(admin, noAdmin, 'data.export').value).toBe(true);
    // A grant of the task does not open its module.
    expect(decideTask(office, [{ right: 'task:audit.read', effect: 'grant' }], 'audit.read').value).toBe(false);
    expect(decideTask(office, [{ right: 'task:audit.read', effect: 'grant' }, { right: 'module:audit', effect: 'grant' }], 'audit.read').value).toBe(true);
  });

  it('every built-in role holds the module of each task it has, so gating tasks took none away', () => {
    for (const r of BUILT_IN_ROLES) {
      for (const task of TASKS.filter((t) => r.rights.tasks.includes(t))) {
        const module = TASK_MODULE[task];
        if (module) expect(r.rights.modules, `${r.id} ${task}`).toContain(module);
      }
    }
  });

  it('explain names the role and the override', () => {
    const decision = decideTask(office, [{ right: 'task:data.export', effect: 'deny' }], 'data.export');
    expect(decision.reasons.map((r) => r.text.en)).toEqual([
      'The role "Office staff" includes the task "Export data".',
      'A personal exception denies the task "Export data" (a deny always wins).',
    ]);
  });

  /** No id of the model, in either language: a reader sees names only. */
  const RAW_IDS = /data\.export|\b(read|edit|personal|team|contact|contacts|finance|invoice|masked|hidden)\b|"(all|none|own)"/;

  it('explain speaks Dutch in Dutch: a task, a record right and a field default by their Dutch names, no ids', () => {
    const sales = role('sales');
    const task = decideTask(sales, [{ right: 'task:data.export', effect: 'deny' }], 'data.export');
    expect(task.reasons.map((r) => r.text.nl)).toEqual([
      'De rol "Buitendienst" bevat de taak "Gegevens exporteren" niet.',
      'Een persoonlijke uitzondering weigert de taak "Gegevens exporteren" (weigeren wint altijd).',
    ]);
    const record = decideRecord(sales, [], 'contact', 'read');
    expect(record.reasons.map((r) => r.text.nl)).toEqual(['De rol "Buitendienst" geeft "Lezen" op contactpersonen met bereik "Team".']);
    expect(record.reasons[0]?.text.en).toBe('The role "Field sales" gives "Read" on contacts with scope "Team".');
    const field = decideField(sales, [], 'contact', 'email', 'personal');
    expect(field.reasons.map((r) => r.text.nl)).toEqual(['De rol "Buitendienst" zet persoonlijke velden op "Bewerken".']);
    expect(decideField(role('readonly'), [], 'contact', 'birth_date', 'special').reasons[0]?.text.en).toBe('The role "Read-only" sets special-category fields to "Hidden".');
    const named = decideField({ ...sales, rights: { ...sales.rights, fields: { 'contact.email': 'edit' } } }, [{ right: 'field:contact.email', effect: 'deny' }], 'contact', 'email', 'personal');
    expect(named.reasons.map((r) => r.text.nl)).toEqual([
      'De rol "Buitendienst" zet het veld "E-mailadres" van contactpersonen op "Bewerken".',
      'Een persoonlijke uitzondering verbergt het veld "E-mailadres" van contactpersonen (weigeren wint altijd).',
    ]);
    const widened = decideRecord(sales, [{ right: 'record:contact.read', effect: 'grant', scope: 'all' }], 'contact', 'read');
    expect(widened.reasons[1]?.text.nl).toBe('Een persoonlijke uitzondering verruimt het bereik tot "Alle".');
    const gated = decideRecord(office, [{ right: 'module:finance', effect: 'deny' }], 'invoice', 'read');
    expect(gated.reasons.map((r) => r.text.nl)).toEqual([
      'De rol "Kantoormedewerker" geeft toegang tot de module "Financiën".',
      'Een persoonlijke uitzondering weigert de module "Financiën" (weigeren wint altijd).',
    ]);
    for (const reason of [task, record, field, named, widened, gated].flatMap((d) => d.reasons)) expect(reason.text.nl).not.toMatch(RAW_IDS);
  });
});
