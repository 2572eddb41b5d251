/**
 * What an undo says of a step whose records went different ways, by kind (history/words.ts): an
 * undone import that made contacts and their organisations and merged others names both kinds.
 */
import { describe, expect, it } from 'vitest';
import { tally, type AffectedRecord, type HistoryResult } from '../../shared/historyTypes';
import { resultText } from '../../renderer/src/history/words';
import { translate, type Language, type Translate } from '../../renderer/src/i18n/translate';

const record = (entity: AffectedRecord['entity'], id: number, state: AffectedRecord['state']): AffectedRecord => ({ entity, id, title: `${entity} ${id}`, state });

function undoneImport(): HistoryResult {
  const records = [record('contact', 1, 'gone'), record('contact', 2, 'gone'), record('organisation', 3, 'gone'), record('organisation', 4, 'gone'), record('contact', 5, 'changed'), record('contact', 6, 'changed'), record('contact', 7, 'changed')];
  return {
    command: { id: 9, label: { verb: 'import', entity: 'contact', count: 6, title: null }, state: 'undone', at: '2026-12-03T10:00:00Z', undoable: true },
    records,
    more: 0,
    unseen: 0,
    ...tally(records),
  };
}

describe('an undo whose records went different ways', () => {
  it('counts them by kind, in both languages', () => {
    const text = (language: Language) => {
      const t: Translate = (key, params) => translate(language, key, params);
      return resultText('undo', undoneImport(), t, language);
    };
    expect(text('en')).toBe('Undone: Import 6 contacts — 2 contacts and 2 organisations removed, 3 contacts with earlier values again.');
    expect(text('nl')).toBe('Ongedaan gemaakt: 6 contactpersonen importeren — 2 contactpersonen en 2 organisaties verwijderd, 3 contactpersonen met weer de eerdere waarden.');
  });

  it('counts what the user may not see apart, never as records "more" of what they do see', () => {
    const records = [record('invoice', 1, 'changed')];
    const reminder: HistoryResult = {
      command: { id: 10, label: { verb: 'sendReminder', entity: 'invoice', count: 1, title: '2026-0042' }, state: 'undone', at: '2026-12-03T10:00:00Z', undoable: true },
      records,
      more: 0,
      unseen: 1,
      ...tally(records),
    };
    const t: Translate = (key, params) => translate('en', key, params);
    expect(resultText('undo', reminder, t, 'en')).toMatch(/ — invoice 1 in Invoices has its earlier values again, and 1 record you may not see\. The letter file is not taken back: if it went out, let the customer know\.$/);
    // A redo sends no new letter either, and says nothing of one.
    expect(resultText('redo', reminder, t, 'en')).not.toContain('letter file');
  });
});
