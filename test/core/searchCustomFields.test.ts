/**
 * Custom fields the admin chose to make searchable (migration 021): search finds a record by their
 * value, as by a built-in searchable field, and only for whoever may read that value in full.
 */
import { describe, expect, it } from 'vitest';
import type { FieldInfo, RecordView, SearchGroup } from '../../shared/recordTypes';
import { latestSchemaVersion, schemaVersion } from '../../electron/core/db/migrate';
import { ADMIN, signIn, signedInAdmin, signInAsNewUser, type Installed } from '../support/install';

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

function errorOf(result: { ok: boolean }) {
  expect(result.ok).toBe(false);
  return (result as unknown as { error: { code: string; details?: { fieldMessages?: Record<string, unknown> } } }).error;
}

async function create(t: Installed, entity: string, values: Record<string, unknown>): Promise<RecordView> {
  return value(await t.call('records.create', { entity, values }));
}

async function found(t: Installed, text: string): Promise<string[]> {
  return value<SearchGroup[]>(await t.call('search.query', { text })).flatMap((group) => group.hits.map((hit) => hit.title));
}

const MOBILE = {
  entity: 'contact',
  label: { en: 'Private mobile', nl: 'Privé mobiel' },
  type: 'phone',
  purpose: { en: 'To reach the person after office hours', nl: 'Om de persoon na kantoortijd te bereiken' },
  legalBasis: 'consent',
  sensitivity: 'personal',
  retention: { en: 'While the consent lasts', nl: 'Zolang de toestemming geldt' },
} as const;

describe('a custom field found by search', () => {
  it('finds a record by its value only when the admin chose so, and only for who may read it in full', async () => {
    const t = await signedInAdmin();
    const mobile = value<FieldInfo>(await t.call('fields.addCustom', { ...MOBILE, searchable: true }));
    expect(mobile.searchable).toBe(true);
    const hobby = value<FieldInfo>(await t.call('fields.addCustom', { ...MOBILE, label: { en: 'Hobby', nl: 'Hobby' }, type: 'text', sensitivity: 'normal' }));
    expect(hobby.searchable).toBe(false);
    await create(t, 'contact', { first_name: 'Kees', last_name: 'Zeiler', [mobile.key]: '06 2222 3333', [hobby.key]: 'Zeilen op de Loosdrechtse plassen' });

    expect(await found(t, '0622223333')).toEqual(['Kees Zeiler']);
    expect(await found(t, '+31 6 2222 3333')).toEqual(['Kees Zeiler']);
    expect(await found(t, 'loosdrechtse')).toEqual([]);

    // Someone from whom the field is hidden does not find him by it (nor learns it is there).
    await signInAsNewUser(t, 'otto', 'office', { overrides: [{ right: `field:contact.${mobile.key}`, effect: 'deny' }] });
    expect(await found(t, '0622223333')).toEqual([]);
    expect(await found(t, 'zeiler')).toEqual(['Kees Zeiler']);
  });

  it('is offered only for text, e-mail and phone fields, never for special-category data', async () => {
    const t = await signedInAdmin();
    const date = errorOf(await t.call('fields.addCustom', { ...MOBILE, type: 'date', searchable: true }));
    expect(date.code).toBe('VALIDATION');
    expect(date.details?.fieldMessages).toEqual({ searchable: { id: 'records.fieldTypeNotSearchable' } });
    const special = errorOf(await t.call('fields.addCustom', { ...MOBILE, sensitivity: 'special', searchable: true }));
    expect(special.details?.fieldMessages).toEqual({ searchable: { id: 'records.fieldSpecialNotSearchable' } });
  });

  it('takes the values out of search when the field is switched off', async () => {
    const t = await signedInAdmin();
    const mobile = value<FieldInfo>(await t.call('fields.addCustom', { ...MOBILE, searchable: true }));
    await create(t, 'contact', { last_name: 'Uitgezet', [mobile.key]: '06 4444 5555' });
    expect(await found(t, '0644445555')).toEqual(['Uitgezet']);
    value(await t.call('fields.setEnabled', { entity: 'contact', field: mobile.key, enabled: false, confirmValueCount: 1 }));
    expect(await found(t, '0644445555')).toEqual([]);
  });
});

describe('migration 21', () => {
  it('gives an older install’s custom fields the choice, not searched, as they were', async () => {
    const t = await signedInAdmin();
    const hobby = value<FieldInfo>(await t.call('fields.addCustom', { ...MOBILE, label: { en: 'Hobby', nl: 'Hobby' }, type: 'text', sensitivity: 'normal' }));
    await create(t, 'contact', { last_name: 'Oudinstall', [hobby.key]: 'Kantklossen' });
    const { db } = t.core.requireActive();
    db.exec('ALTER TABLE custom_fields DROP COLUMN searchable');
    db.pragma('user_version = 20');

    await t.call('session.signOut');
    await signIn(t, ADMIN.adminUsername, ADMIN.password, t.nextCode());
    expect(schemaVersion(t.core.requireActive().db)).toBe(latestSchemaVersion());
    expect(value<FieldInfo[]>(await t.call('fields.list')).find((field) => field.key === hobby.key)?.searchable).toBe(false);
    expect(await found(t, 'kantklossen')).toEqual([]);
    const mobile = value<FieldInfo>(await t.call('fields.addCustom', { ...MOBILE, searchable: true }));
    expect(mobile.searchable).toBe(true);
  });
});
