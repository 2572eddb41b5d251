/**
 * A number is found as people say it: "4137" and "04137" find invoice 2026-004137, stored with leading zeros,
 * also for a caller whose scope is checked word by word (readableTextMatches). Other numbers that
 * merely end in those digits are not found.
 */
import { describe, expect, it } from 'vitest';
import type { RecordView, SearchGroup } from '../../shared/recordTypes';
import { searchExpression } from '../../electron/core/records/queries';
import { signedInAdmin, type Installed } from '../support/install';
import { value } from '../support/results';

async function search(t: Installed, text: string): Promise<string[]> {
  return value<SearchGroup[]>(await t.call('search.query', { text })).flatMap((group) => group.hits.map((hit) => hit.title));
}

describe('searching a number', () => {
  it('finds a number stored with leading zeros by the number without them', async () => {
    const t = await signedInAdmin();
    const org = value<RecordView>(await t.call('records.create', { entity: 'organisation', values: { name: 'Smederij Koster' } }));
    for (const number of ['2026-004137', '2026-014137', '2026-000413']) {
      value(await t.call('records.create', { entity: 'invoice', values: { number, organisation_id: org.id, amount_cents: 5000, due_on: '2026-12-31', status: 'draft' } }));
    }
    expect(await search(t, '4137')).toEqual(['2026-004137']);
    expect(await search(t, '413')).toEqual(['2026-004137', '2026-000413']);
    expect(await search(t, '004137')).toEqual(['2026-004137']);
    expect(await search(t, '2026 14137')).toEqual(['2026-014137']);
    expect(await search(t, '137')).toEqual([]);
    // Leading zeros typed are kept: "0413" also finds 000413 (and 004137, starting with 00413), but
    // never a number with fewer zeros than typed.
    expect((await search(t, '0413')).sort()).toEqual(['2026-000413', '2026-004137']);
    expect(await search(t, '000413')).toEqual(['2026-000413']);
    expect(await search(t, '04137')).toEqual(['2026-004137']);
    expect(await search(t, '0004137')).toEqual([]);
  });

  it('asks the index for the number with up to eight digits of zeros in front, and words as before', () => {
    expect(searchExpression('4137')).toBe('("4137"* OR "04137"* OR "004137"* OR "0004137"* OR "00004137"*)');
    expect(searchExpression('Jansen 0413')).toBe('"jansen"* AND ("0413"* OR "00413"* OR "000413"* OR "0000413"* OR "00000413"*)');
    expect(searchExpression('1234567 x')).toBe('("1234567"* OR "01234567"*) AND "x"*');
    expect(searchExpression('12345678')).toBe('"12345678"*');
  });
});
