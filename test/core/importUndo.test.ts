/**
 * Undo and redo while an import runs (docs/history.md, "Undo and redo"): an import writes its
 * command batch by batch and lets other calls in between, so until it has finished its command holds
 * only part of the import. Undo and redo are refused for that time, with a message that says why; the
 * finished import is then one step for undo and redo, and a cancel still takes the run back whole.
 */
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/errors';
import type { CommandSummary, HistoryResult } from '../../shared/historyTypes';
import type { ImportSummary, RecordView } from '../../shared/recordTypes';
import { CORE_MESSAGES } from '../../shared/coreMessages';
import { CORE_MESSAGES_NL } from '../../renderer/src/i18n/core';
import { signedInAdmin, signInAsNewUser, switchToAdmin, switchToUser, type Installed } from '../support/install';

type Answer = { ok: true; value: unknown } | { ok: false; error: ApiError };

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

function errorOf(result: { ok: boolean }): ApiError {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  return (result as unknown as { error: ApiError }).error;
}

const b64 = (content: string): string => Buffer.from(content).toString('base64');
let jobs = 0;
const nextJobId = (): string => `undo-job-${Date.now()}-${++jobs}`;

function contacts(t: Installed): number {
  return (t.core.requireActive().db.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n;
}

function csvOf(rows: number, extra: string[] = []): string {
  const lines = ['Voornaam;Achternaam;E-mail', ...extra];
  for (let i = 0; i < rows; i++) lines.push(`Klant;Nummer${i};klant${i}@import.example`);
  return lines.join('\n') + '\n';
}

/**
 * Runs an import and, at each progress event (between two batches, while the run goes on), makes
 * the calls `during` asks for. Returns the run's summary and every answer, in order.
 */
async function importWhile(
  t: Installed,
  csv: string,
  during: (batch: number) => { name: string; input?: unknown }[],
  options: { jobId?: string } = {},
): Promise<{ summary: ImportSummary; answers: Answer[]; batches: number }> {
  const file = b64(csv);
  const mapping = value<{ suggestedMapping: unknown }>(await t.call('import.preview', { entity: 'contact', file })).suggestedMapping;
  const answers: Promise<Answer>[] = [];
  let batches = 0;
  const off = t.dispatcher.onEvent((name) => {
    if (name !== 'import.progress') return;
    batches++;
    for (const request of during(batches)) answers.push(t.call(request.name as never, request.input as never) as Promise<Answer>);
  });
  try {
    const summary = value<ImportSummary>(await t.call('import.run', { entity: 'contact', file, mapping, duplicates: 'skip', jobId: options.jobId ?? nextJobId() }));
    return { summary, answers: await Promise.all(answers), batches };
  } finally {
    off();
  }
}

describe('undo and redo while an import runs', () => {
  it('refuses undo between two batches, and the finished import is then one step for undo and redo', async () => {
    const t = await signedInAdmin();
    const before = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { first_name: 'Al', last_name: 'Bestaand', email: 'al@bestaand.nl' } }));
    let written = -1;
    const { summary, answers, batches } = await importWhile(t, csvOf(1_200), (batch) => {
      if (batch !== 1) return [];
      written = contacts(t);
      return [{ name: 'history.undo' }, { name: 'history.redo' }];
    });
    expect(written).toBe(501); // the first batch was in when undo was asked for
    expect(batches).toBe(3);

    const [undo, redo] = answers;
    const refused = errorOf(undo!);
    expect(refused).toMatchObject({ code: 'CONFLICT', messageId: 'history.importRunning', message: CORE_MESSAGES['history.importRunning'] });
    expect(errorOf(redo!)).toMatchObject({ code: 'CONFLICT', messageId: 'history.importRunningRedo' });
    expect(CORE_MESSAGES_NL['history.importRunning']).toMatch(/import/);

    // The import went on untouched and reports what is there.
    expect(summary).toMatchObject({ imported: 1_200, cancelled: false });
    expect(contacts(t)).toBe(1_201);
    const journal = value<CommandSummary[]>(await t.call('history.list', { limit: 5 }));
    expect(journal.map((c) => [c.label.verb, c.label.count, c.state])).toEqual([
      ['import', 1_200, 'done'],
      ['create', 1, 'done'],
    ]);

    // Now the whole import is one step back and one step forward.
    const undone = value<HistoryResult>(await t.call('history.undo'));
    expect(undone.command.label).toMatchObject({ verb: 'import', count: 1_200 });
    expect(contacts(t)).toBe(1);
    const redone = value<HistoryResult>(await t.call('history.redo'));
    expect(redone.command.label).toMatchObject({ verb: 'import', count: 1_200 });
    expect(contacts(t)).toBe(1_201);
    // And the step before the import is still the one after it.
    value(await t.call('history.undo'));
    const second = value<HistoryResult>(await t.call('history.undo'));
    expect(second.command.label).toMatchObject({ verb: 'create', count: 1 });
    expect(value<{ count: number }>(await t.call('records.count', { entity: 'contact' })).count).toBe(0);
    expect(before.id).toBeGreaterThan(0);
  });

  it('refuses undo also before the run has written anything, rather than undo the step before it', async () => {
    const t = await signedInAdmin();
    await t.call('records.create', { entity: 'contact', values: { first_name: 'Al', last_name: 'Bestaand', email: 'al@bestaand.nl' } });
    // The first batch is all duplicates, skipped: no command of the run exists yet when undo is asked for.
    const duplicates = Array.from({ length: 500 }, (_, i) => `Dubbel;Rij${i};al@bestaand.nl`);
    const { summary, answers } = await importWhile(t, csvOf(300, duplicates), (batch) => (batch === 1 ? [{ name: 'history.undo' }] : []));
    expect(errorOf(answers[0]!)).toMatchObject({ code: 'CONFLICT', messageId: 'history.importRunning' });
    expect(summary).toMatchObject({ imported: 300, skipped: 500 });
    expect(contacts(t)).toBe(301);
  });

  it('lets a cancel take the run back whole, after which undo reaches the step before it', async () => {
    const t = await signedInAdmin();
    await t.call('records.create', { entity: 'contact', values: { first_name: 'Al', last_name: 'Bestaand', email: 'al@bestaand.nl' } });
    const jobId = nextJobId();
    const { summary, answers } = await importWhile(t, csvOf(2_000), (batch) => (batch === 1 ? [{ name: 'history.undo' }, { name: 'import.cancel', input: { jobId } }] : []), {
      jobId,
    });
    expect(errorOf(answers[0]!)).toMatchObject({ messageId: 'history.importRunning' });
    expect(summary).toMatchObject({ imported: 0, cancelled: true });
    expect(contacts(t)).toBe(1);
    const undone = value<HistoryResult>(await t.call('history.undo'));
    expect(undone.command.label).toMatchObject({ verb: 'create', count: 1 });
    expect(contacts(t)).toBe(0);
  });

  it('lets undo in again once a run has stopped on an error', async () => {
    const t = await signedInAdmin();
    await t.call('records.create', { entity: 'contact', values: { first_name: 'Al', last_name: 'Bestaand', email: 'al@bestaand.nl' } });
    const file = b64('Voornaam;Achternaam;E-mail\n');
    const result = await t.call('import.run', { entity: 'contact', file, mapping: { Voornaam: 'first_name' }, duplicates: 'skip', jobId: nextJobId() });
    expect(result.ok).toBe(false);
    const undone = value<HistoryResult>(await t.call('history.undo'));
    expect(undone.command.label).toMatchObject({ verb: 'create' });
  });

  it('keeps what the user could redo when a run is cancelled, and ends it only when a run finishes', async () => {
    const t = await signedInAdmin();
    const made = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { first_name: 'Al', last_name: 'Bestaand' } }));
    value(await t.call('records.update', { entity: 'contact', id: made.id, values: { job_title: 'Bakker' } }));
    value(await t.call('history.undo'));
    const jobId = nextJobId();
    const { summary } = await importWhile(t, csvOf(2_000), (batch) => (batch === 1 ? [{ name: 'import.cancel', input: { jobId } }] : []), { jobId });
    expect(summary).toMatchObject({ imported: 0, cancelled: true });
    // Nothing was imported, so the edit undone before is still there to redo.
    const redone = value<HistoryResult>(await t.call('history.redo'));
    expect(redone.command.label).toMatchObject({ verb: 'update', count: 1 });

    // A run that finishes is a new step: the redo stack ends with it, as with any change.
    value(await t.call('history.undo'));
    await importWhile(t, csvOf(600), () => []);
    expect(errorOf(await t.call('history.redo'))).toMatchObject({ messageId: 'history.nothingToRedo' });
  });
});


describe('an undo that would remove what a colleague now links to', () => {
  it('is refused, naming the record that links to it, and changes nothing', async () => {
    const t = await signedInAdmin();
    const olga = await signInAsNewUser(t, 'olga', 'office');
    // Olga's import makes an organisation…
    const file = b64('Voornaam;Achternaam;Bedrijf\nJan;Jansen;Café Ænergie\n');
    const preview = value<{ suggestedMapping: Record<string, string | null> }>(await t.call('import.preview', { entity: 'contact', file }));
    value<ImportSummary>(await t.call('import.run', { entity: 'contact', file, mapping: preview.suggestedMapping, duplicates: 'skip', jobId: nextJobId() }));
    // …to which the administrator then links a contact of their own.
    await switchToAdmin(t);
    const org = (t.core.requireActive().db.prepare("SELECT id FROM organisations WHERE name = 'Café Ænergie'").get() as { id: number }).id;
    value<RecordView>(await t.call('records.create', { entity: 'contact', values: { first_name: 'Piet', last_name: 'Koppel', organisation_id: org } }));

    await switchToUser(t, 'olga', olga.secret);
    const refused = errorOf(await t.call('history.undo', {}));
    expect(refused).toMatchObject({ code: 'CONFLICT', messageId: 'history.undoReferencedBy' });
    expect(refused.message).toBe('Contact Piet Koppel now links to a record undo would remove, so nothing was changed. Take that link away first, then undo again.');
    // Nothing was taken back: Jan and the organisation are both still there.
    expect(t.core.requireActive().db.prepare("SELECT count(*) FROM contacts WHERE last_name = 'Jansen' AND deleted_at IS NULL").pluck().get()).toBe(1);
    expect(t.core.requireActive().db.prepare('SELECT count(*) FROM organisations WHERE id = ?').pluck().get(org)).toBe(1);
  });
});
