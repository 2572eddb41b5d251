/**
 * A link the core leaves without a title (its record is out of the user's read scope, or in the
 * trash): the edit form keeps the link, so saving other fields does not drop it, and names it as a
 * record the user cannot see rather than showing its number.
 */
import { describe, expect, it } from 'vitest';
import type { FieldInfo } from '../../shared/recordTypes';
import { sameDraft, toDraft, toStored } from '../../renderer/src/records/FieldInput';

const organisation: FieldInfo = {
  entity: 'contact',
  key: 'organisation_id',
  type: 'reference',
  label: { en: 'Organisation', nl: 'Organisatie' },
  purpose: { en: 'Who they work for', nl: 'Waar ze werken' },
  legalBasis: 'contract',
  sensitivity: 'normal',
  retention: { en: 'As the contact', nl: 'Als het contact' },
  optional: true,
  required: false,
  custom: false,
  enabled: true,
  searchable: false,
  references: 'organisation',
};

describe('a link to a record the user cannot see', () => {
  it('is kept with its id and named in the reader language, without its number', () => {
    const english = toDraft(organisation, 401, { organisation_id: null }, 'en');
    const dutch = toDraft(organisation, 401, { organisation_id: null }, 'nl');
    expect(english).toEqual({ id: 401, title: 'A linked record you cannot see' });
    expect(dutch).toEqual({ id: 401, title: 'Een gekoppeld record dat je niet kunt zien' });
    expect(toStored(organisation, english, 'en')).toEqual({ value: 401 });
    expect(sameDraft(english, { id: 401, title: 'Acme' })).toBe(true);
  });

  it('shows a readable link by its title', () => {
    expect(toDraft(organisation, 7, { organisation_id: { id: 7, title: 'Acme' } }, 'en')).toEqual({ id: 7, title: 'Acme' });
    expect(toDraft(organisation, null, { organisation_id: null }, 'en')).toBeNull();
  });
});
