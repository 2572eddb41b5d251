/**
 * Search ranks by bm25 over every indexed field. For a caller who may not read some of those fields
 * in full, that order would tell which hidden or masked fields hold the words as well, so their hits
 * come title matches first, then the rest, in index order (queries.ts, searchIndex).
 */
import { describe, expect, it } from 'vitest';
import type { SearchGroup } from '../../shared/recordTypes';
import { signedInAdmin, signInAsNewUser, switchToAdmin, type Installed } from '../support/install';
import { value } from '../support/results';

async function contactTitles(t: Installed, text: string): Promise<string[]> {
  return value<SearchGroup[]>(await t.call('search.query', { text }))
    .filter((group) => group.entity === 'contact')
    .flatMap((group) => group.hits.map((hit) => hit.title));
}

describe('search ranking and fields the caller may not read', () => {
  it('orders hits by what the caller may read, not by masked or hidden fields', async () => {
    const t = await signedInAdmin();
    const contacts = [
      { first_name: 'Piet', last_name: 'Bakker', notes: 'Belt liever na vijven' },
      { first_name: 'Kees', last_name: 'Bakker', notes: 'Bakker sinds 1990' },
      { first_name: 'Anna', last_name: 'Smit', email: 'anna.bakker@voorbeeld.nl' },
    ];
    // bm25 weighs a word by how rare it is: others who do not match give "bakker" its weight.
    const others = ['Visser', 'Mulder', 'Dekker', 'Brouwer', 'Smits', 'Meijer'].map((last_name) => ({ first_name: 'Jo', last_name }));
    for (const values of [...contacts, ...others]) value(await t.call('records.create', { entity: 'contact', values }));

    // The admin reads everything: bm25 puts the contact whose notes say Bakker too first.
    expect(await contactTitles(t, 'bakker')).toEqual(['Kees Bakker', 'Piet Bakker', 'Anna Smit']);

    // Marketing may not read notes: title matches come first, in the order they were added, then
    // Anna Smit through her e-mail address, whatever else their records hold.
    await signInAsNewUser(t, 'mark', 'marketing');
    expect(await contactTitles(t, 'bakker')).toEqual(['Piet Bakker', 'Kees Bakker', 'Anna Smit']);
    // Nor are they found through notes alone.
    expect(await contactTitles(t, '1990')).toEqual([]);
    await switchToAdmin(t);
    expect(await contactTitles(t, 'bakker')).toEqual(['Kees Bakker', 'Piet Bakker', 'Anna Smit']);
  });
});
