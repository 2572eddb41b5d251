/**
 * A command in words (shared/historyLabels.ts), as the History page, the undo toast and the CLI show
 * it: English with the verb first, Dutch with the infinitive last, the same way for every kind of
 * command, as the delete buttons are worded.
 */
import { describe, expect, it } from 'vitest';
import { describeCommand } from '../../shared/historyLabels';
import type { CommandLabel } from '../../shared/historyTypes';

const label = (verb: CommandLabel['verb'], entity: CommandLabel['entity'], count: number, title: string | null = null): CommandLabel => ({ verb, entity, count, title });

describe('describeCommand', () => {
  it('reads the same way for every command, in both languages', () => {
    const commands = [
      label('create', 'activity', 1, 'Offerte besproken'),
      label('delete', 'contact', 12),
      label('purge', 'contact', 1, 'Jan Jansen'),
      label('restore', null, 3),
      label('reassign', 'deal', 1, 'Koffiemachine huur'),
      label('erase', 'contact', 1),
      label('emptyTrash', null, 0),
      label('import', 'contact', 1204),
    ];
    expect(commands.map((c) => describeCommand(c, 'en'))).toEqual([
      'Create activity Offerte besproken',
      'Delete 12 contacts',
      'Permanently delete contact Jan Jansen',
      'Restore 3 records',
      'Reassign deal Koffiemachine huur',
      'Erase contact (erased)',
      'Empty the trash',
      'Import 1,204 contacts',
    ]);
    expect(commands.map((c) => describeCommand(c, 'nl'))).toEqual([
      'Activiteit Offerte besproken toevoegen',
      '12 contactpersonen verwijderen',
      'Contactpersoon Jan Jansen definitief verwijderen',
      '3 records terugzetten',
      'Deal Koffiemachine huur overdragen',
      'Contactpersoon (gewist) wissen',
      'Prullenbak legen',
      '1.204 contactpersonen importeren',
    ]);
  });

  it("takes a title as written, also one holding a replacement pattern such as $& or $'", () => {
    expect(describeCommand(label('delete', 'organisation', 1, 'Jansen $& Zn'), 'en')).toBe('Delete organisation Jansen $& Zn');
    expect(describeCommand(label('update', 'organisation', 1, "Bakker $' BV"), 'nl')).toBe("Organisatie Bakker $' BV wijzigen");
  });
});
