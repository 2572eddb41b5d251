/** A custom role's name is its own in each language: no second "Office staff" in the lists and pickers. */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, type RoleDefinition } from '../../shared/access';
import { signedInAdmin } from '../support/install';

const TAKEN = { code: 'CONFLICT', messageId: 'access.roleNameTaken' };

describe('a role name', () => {
  it('is refused when another role has it in either language, whatever the case', async () => {
    const t = await signedInAdmin();
    const office = BUILT_IN_ROLES.find((r) => r.id === 'office')!;
    const save = (name: { en: string; nl: string }, id?: string) => t.call('roles.save', { ...(id ? { id } : {}), name, rights: office.rights });
    expect(await save({ en: 'Office staff', nl: 'Kantoor' })).toMatchObject({ ok: false, error: TAKEN });
    expect(await save({ en: 'Front desk', nl: 'kantoormedewerker' })).toMatchObject({ ok: false, error: TAKEN });
    const desk = await save({ en: 'Front desk', nl: 'Balie' });
    expect(desk.ok).toBe(true);
    const id = (desk as unknown as { value: RoleDefinition }).value.id;
    expect(await save({ en: 'front DESK', nl: 'Receptie' })).toMatchObject({ ok: false, error: TAKEN });
    // Saving a role under its own name again is no clash.
    expect((await save({ en: 'Front desk', nl: 'Balie en receptie' }, id)).ok).toBe(true);
  });
});
