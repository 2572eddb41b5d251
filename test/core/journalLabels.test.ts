/**
 * A command's label names its record by the title it had when the command was written. What leaves
 * the core shows that title only as the caller may read the record's title fields now: where one is
 * masked or hidden for them, "••••" — in the deletion's answer, the history list, undo and redo, and
 * a restore from the trash (docs/history.md). Real encrypted installs, real TOTP.
 */
import { describe, expect, it } from 'vitest';
import type { CommandSummary, DeleteImpact, DeleteResult, HistoryResult, TrashPage } from '../../shared/historyTypes';
import type { ListPage, RecordView } from '../../shared/recordTypes';
import { signedInAdmin, signInAsNewUser, type Installed } from '../support/install';
import { value } from '../support/results';

const MASK = '••••';

async function createContact(t: Installed, first: string, last: string): Promise<RecordView> {
  return value(await t.call('records.create', { entity: 'contact', values: { first_name: first, last_name: last } }));
}

async function latest(t: Installed): Promise<CommandSummary> {
  return value<CommandSummary[]>(await t.call('history.list', { limit: 5 }))[0]!;
}

/** The command's stored title, whoever may see it. */
function storedTitle(t: Installed, id: number): string | null {
  return (t.core.requireActive().db.prepare('SELECT title FROM commands WHERE id = ?').get(id) as { title: string | null }).title;
}

describe('a label whose record has a title the caller may only see masked', () => {
  it('shows "••••" in the deletion, the history list, undo, redo and a restore (the repro)', async () => {
    const t = await signedInAdmin();
    const anna = await createContact(t, 'Anna', 'Bakker');
    // Read-only masks names; a personal grant lets her delete (and restore) contacts all the same.
    await signInAsNewUser(t, 'rita', 'readonly', {
      overrides: [
        { right: 'record:contact.delete', effect: 'grant', scope: 'all' },
        { right: 'record:contact.restore', effect: 'grant', scope: 'all' },
      ],
    });
    const answers: unknown[] = [];
    const keep = <T>(answer: T): T => {
      answers.push(answer);
      return answer;
    };

    expect(keep(value<ListPage>(await t.call('records.list', { entity: 'contact' }))).rows.map((r) => r.title)).toEqual([MASK]);
    expect(keep(value<DeleteImpact>(await t.call('records.deleteImpact', { entity: 'contact', ids: [anna.id], mode: 'trash' }))).titles).toEqual([MASK]);

    const deleted = keep(value<DeleteResult>(await t.call('records.delete', { entity: 'contact', ids: [anna.id] })));
    expect(deleted.command.label).toEqual({ verb: 'delete', entity: 'contact', count: 1, title: MASK });
    expect(keep(await latest(t)).label.title).toBe(MASK);

    const undone = keep(value<HistoryResult>(await t.call('history.undo')));
    expect(undone.command.label.title).toBe(MASK);
    expect(undone.records.map((r) => r.title)).toEqual([MASK]);
    const redone = keep(value<HistoryResult>(await t.call('history.redo')));
    expect(redone.command.label.title).toBe(MASK);
    expect(keep(await latest(t)).label.title).toBe(MASK);

    expect(keep(value<TrashPage>(await t.call('trash.list', {}))).items.map((i) => i.title)).toEqual([MASK]);
    const restored = keep(value<HistoryResult>(await t.call('trash.restore', { items: [{ entity: 'contact', id: anna.id }] })));
    expect(restored.command.label).toEqual({ verb: 'restore', entity: 'contact', count: 1, title: MASK });
    expect(keep(await latest(t)).label.title).toBe(MASK);

    // Nothing she was answered names her; the journal keeps the title as it was (erasure removes it).
    expect(JSON.stringify(answers)).not.toMatch(/Anna|Bakker/);
    expect(storedTitle(t, deleted.command.id)).toBe('Anna Bakker');
  });

  it('shows "••••" once the caller may no longer read the title, though they could when they acted', async () => {
    const t = await signedInAdmin();
    const piet = await createContact(t, 'Piet', 'Peters');
    const deleted = value<DeleteResult>(await t.call('records.delete', { entity: 'contact', ids: [piet.id] }));
    expect(deleted.command.label.title).toBe('Piet Peters');

    // One title field hidden is enough: the label's title is one string, not shown in part.
    value(await t.call('users.setAccess', { userId: 1, role: 'admin', teamIds: [], overrides: [{ right: 'field:contact.first_name', effect: 'deny' }] }));
    expect((await latest(t)).label.title).toBe(MASK);
    const undone = value<HistoryResult>(await t.call('history.undo'));
    expect(undone.command.label.title).toBe(MASK);
    const redone = value<HistoryResult>(await t.call('history.redo'));
    expect(redone.command.label.title).toBe(MASK);
  });
});

describe('a label whose record has a title the caller may read', () => {
  it('shows the title in the deletion, the history list, undo, redo and a restore', async () => {
    const t = await signedInAdmin();
    const jan = await createContact(t, 'Jan', 'Jansen');
    expect((await latest(t)).label).toEqual({ verb: 'create', entity: 'contact', count: 1, title: 'Jan Jansen' });

    const deleted = value<DeleteResult>(await t.call('records.delete', { entity: 'contact', ids: [jan.id] }));
    expect(deleted.command.label).toEqual({ verb: 'delete', entity: 'contact', count: 1, title: 'Jan Jansen' });
    expect((await latest(t)).label.title).toBe('Jan Jansen');
    expect(value<HistoryResult>(await t.call('history.undo')).command.label.title).toBe('Jan Jansen');
    expect(value<HistoryResult>(await t.call('history.redo')).command.label.title).toBe('Jan Jansen');

    const restored = value<HistoryResult>(await t.call('trash.restore', { items: [{ entity: 'contact', id: jan.id }] }));
    expect(restored.command.label.title).toBe('Jan Jansen');
  });

  it('of another kind is not masked for a field masked on contacts', async () => {
    const t = await signedInAdmin();
    const organisation = value<RecordView>(await t.call('records.create', { entity: 'organisation', values: { name: 'Bakkerij Van den Berg' } }));
    value(await t.call('users.setAccess', { userId: 1, role: 'admin', teamIds: [], overrides: [{ right: 'field:contact.last_name', effect: 'deny' }] }));
    const deleted = value<DeleteResult>(await t.call('records.delete', { entity: 'organisation', ids: [organisation.id] }));
    expect(deleted.command.label.title).toBe('Bakkerij Van den Berg');
    expect((await latest(t)).label.title).toBe('Bakkerij Van den Berg');
  });
});
