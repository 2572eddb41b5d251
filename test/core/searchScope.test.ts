/**
 * A query too broad to rank (more than SEARCH_RANK_LIMIT matches) is read in index order until the
 * page is full. A user whose scope holds only a few of the matches (a sales rep's own records among
 * the office's) must still find theirs, not an empty page cut off after the first hundred rows.
 */
import { describe, expect, it } from 'vitest';
import type { SearchGroup } from '../../shared/recordTypes';
import { SEARCH_RANK_LIMIT } from '../../electron/core/records/queries';
import { signedInAdmin, signInAsNewUser } from '../support/install';
import { value } from '../support/results';

describe('a broad search by a user who may read few of its matches', () => {
  it('finds their own records however many others match first', { timeout: 60_000 }, async () => {
    const t = await signedInAdmin();
    for (let i = 0; i < SEARCH_RANK_LIMIT + 200; i++) {
      value(await t.call('records.create', { entity: 'activity', values: { kind: 'call', subject: `Offerte nabellen ${i}` } }));
    }
    await signInAsNewUser(t, 'sam', 'sales');
    for (let i = 0; i < 3; i++) value(await t.call('records.create', { entity: 'activity', values: { kind: 'call', subject: `Offerte nabellen voor Sam ${i}` } }));
    const groups = value<SearchGroup[]>(await t.call('search.query', { text: 'offerte nabellen' }));
    expect(groups.flatMap((group) => group.hits.map((hit) => hit.title)).sort()).toEqual(['Offerte nabellen voor Sam 0', 'Offerte nabellen voor Sam 1', 'Offerte nabellen voor Sam 2']);
  });
});
