/**
 * The search index's cleanup (records/searchCleanup.ts): a bulk change whose values the journal
 * keeps (undoing an import, moving to the trash) notes its records' entries for removal, and the
 * cleanup takes them out in short batches afterwards, so such a change no longer holds every other
 * call back for seconds. Search never shows a noted entry; a record that comes back before the
 * cleanup reaches it stays findable; what a lock interrupts is finished at the next unlock; and a
 * deletion for good still takes its entry out at once.
 */
import { describe, expect, it } from 'vitest';
import type { DeleteImpact } from '../../shared/historyTypes';
import type { ImportSummary, RecordView, SearchGroup } from '../../shared/recordTypes';
import { searchCleanupDone } from '../../electron/core/records/searchCleanup';
import { ADMIN, confirmStep, signedInAdmin, type Installed } from '../support/install';

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

const db = (t: Installed) => t.core.requireActive().db;
const noted = (t: Installed): number => db(t).prepare('SELECT count(*) FROM search_removals').pluck().get() as number;
const entries = (t: Installed): number => db(t).prepare('SELECT count(*) FROM search_index').pluck().get() as number;
/** Entries the index itself holds for a word, whatever search would show of them. */
const indexed = (t: Installed, word: string): number =>
  db(t).prepare('SELECT count(*) FROM search_index WHERE search_index MATCH ?').pluck().get(`"${word}"`) as number;

async function searchTitles(t: Installed, text: string): Promise<string[]> {
  return value<SearchGroup[]>(await t.call('search.query', { text })).flatMap((group) => group.hits.map((hit) => hit.title));
}

const CONTACTS = 1_500;

/** Imports CONTACTS contacts named "Klant Importnaam<i>", and checks they all went in. */
async function importContacts(t: Installed): Promise<void> {
  const lines = ['Voornaam;Achternaam;E-mail'];
  for (let i = 0; i < CONTACTS; i++) lines.push(`Klant;Importnaam${i};klant${i}@import.example`);
  const file = Buffer.from(lines.join('\n') + '\n').toString('base64');
  const mapping = value<{ suggestedMapping: unknown }>(await t.call('import.preview', { entity: 'contact', file })).suggestedMapping;
  const summary = value<ImportSummary>(await t.call('import.run', { entity: 'contact', file, mapping, duplicates: 'skip', jobId: `cleanup-${Date.now()}` }));
  expect(summary.imported).toBe(CONTACTS);
}

describe('the search index cleanup', () => {
  it('lets other calls in while it takes an undone import out of the index, and leaves none of it', async () => {
    const t = await signedInAdmin();
    const before = entries(t);
    await importContacts(t);
    expect(await searchTitles(t, 'Importnaam1499')).toEqual(['Klant Importnaam1499']);

    value(await t.call('history.undo'));
    // Gone from search at once, while the index still holds entries on their way out.
    expect(await searchTitles(t, 'Importnaam1499')).toEqual([]);
    const answered = value<{ rows: unknown[] }>(await t.call('records.list', { entity: 'contact' }));
    expect(answered.rows).toEqual([]);
    expect(noted(t)).toBeGreaterThan(0);

    await searchCleanupDone(db(t));
    expect(noted(t)).toBe(0);
    expect(entries(t)).toBe(before);
    expect(indexed(t, 'importnaam1499')).toBe(0);
  });

  it('keeps records findable that a redo brings back before the cleanup reaches them', async () => {
    const t = await signedInAdmin();
    await importContacts(t);
    const after = entries(t);
    value(await t.call('history.undo'));
    value(await t.call('history.redo'));
    expect(await searchTitles(t, 'Importnaam0')).toContain('Klant Importnaam0');

    await searchCleanupDone(db(t));
    expect(noted(t)).toBe(0);
    expect(entries(t)).toBe(after);
    expect(await searchTitles(t, 'Importnaam0')).toContain('Klant Importnaam0');
    expect(await searchTitles(t, 'Importnaam1499')).toEqual(['Klant Importnaam1499']);
  });

  it('finishes after the next unlock what a lock interrupted', async () => {
    const t = await signedInAdmin();
    const before = entries(t);
    await importContacts(t);
    value(await t.call('history.undo'));
    value(await t.call('session.lock'));
    value(await t.call('session.unlock', { password: ADMIN.password }));

    await searchCleanupDone(db(t));
    expect(noted(t)).toBe(0);
    expect(entries(t)).toBe(before);
    expect(indexed(t, 'importnaam1499')).toBe(0);
  });

  it('lets a record restored from the trash be found again, and a deletion for good take its entry out at once', async () => {
    const t = await signedInAdmin();
    await importContacts(t);
    // Made after the import, so their entries come last in the cleanup's order (by index rowid).
    const kept = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { last_name: 'Teruggezet' } }));
    const purged = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { last_name: 'Weggegooid' } }));
    const imported = db(t).prepare("SELECT id FROM contacts WHERE last_name LIKE 'Importnaam%' ORDER BY id LIMIT 998").pluck().all() as number[];
    const ids = [...imported, kept.id, purged.id];
    const trashImpact = value<DeleteImpact>(await t.call('records.deleteImpact', { entity: 'contact', ids, mode: 'trash' }));
    value(await t.call('records.delete', { entity: 'contact', ids, reviewedTotal: trashImpact.total }));
    expect(await searchTitles(t, 'Teruggezet')).toEqual([]);

    value(await t.call('trash.restore', { items: [{ entity: 'contact', id: kept.id }] }));
    expect(await searchTitles(t, 'Teruggezet')).toEqual(['Teruggezet']);
    const impact = value<DeleteImpact>(await t.call('records.deleteImpact', { entity: 'contact', ids: [purged.id], mode: 'purge' }));
    await confirmStep(t);
    value(await t.call('trash.purge', { entity: 'contact', ids: [purged.id], reviewedTotal: impact.total }));
    // The cleanup has not reached the newest entries yet, and the purge did not leave its own to it.
    expect(noted(t)).toBeGreaterThan(0);
    expect(indexed(t, 'weggegooid')).toBe(0);

    await searchCleanupDone(db(t));
    expect(noted(t)).toBe(0);
    expect(indexed(t, 'teruggezet')).toBe(1);
    expect(indexed(t, 'importnaam0')).toBe(0);
    expect(await searchTitles(t, 'Importnaam1499')).toEqual(['Klant Importnaam1499']);
  });
});
