/**
 * Words for a command, in English or Dutch: "Delete contact Jan Jansen", "Import 1,204 contacts",
 * and for the delete button, "Move 3 contacts to trash". The core uses the English form (CLI,
 * logs without personal data); the renderer the user's language.
 */
import type { CommandLabel, DeleteMode } from './historyTypes';
import { ENTITIES, type EntityName } from './registry';

export type Lang = 'en' | 'nl';

function formatCount(count: number, lang: Lang): string {
  return count.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
}

/** "contact", "3 contacts", "contactpersoon", "3 contactpersonen". */
export function countedEntity(entity: EntityName, count: number, lang: Lang): string {
  const label = count === 1 ? ENTITIES[entity].label.singular[lang] : ENTITIES[entity].label.plural[lang];
  const word = lang === 'en' ? label.toLowerCase() : label.toLowerCase();
  return count === 1 ? word : `${formatCount(count, lang)} ${word}`;
}

const VERBS: Record<CommandLabel['verb'], Record<Lang, string>> = {
  create: { en: 'Create', nl: 'Nieuw:' },
  update: { en: 'Edit', nl: 'Wijzig' },
  delete: { en: 'Delete', nl: 'Verwijder' },
  restore: { en: 'Restore', nl: 'Zet terug:' },
  purge: { en: 'Permanently delete', nl: 'Definitief verwijderen:' },
  erase: { en: 'Erase', nl: 'Wis' },
  reassign: { en: 'Reassign', nl: 'Draag over:' },
  import: { en: 'Import', nl: 'Importeer' },
  sendReminder: { en: 'Send payment reminder for', nl: 'Betalingsherinnering voor' },
  publish: { en: 'Publish', nl: 'Publiceer' },
  withdrawConsent: { en: 'Record withdrawal of', nl: 'Leg intrekking vast van' },
  seed: { en: 'Add demo data:', nl: 'Voorbeeldgegevens:' },
  fieldOff: { en: 'Switch off a field of', nl: 'Veld uitgeschakeld bij' },
  emptyTrash: { en: 'Empty the trash:', nl: 'Prullenbak geleegd:' },
};

const RECORDS: Record<Lang, string> = { en: 'records', nl: 'records' };

export function describeCommand(label: CommandLabel, lang: Lang): string {
  const verb = VERBS[label.verb][lang];
  // Records of several kinds at once (a restore from the trash) are counted as records.
  if (!label.entity) return label.count > 0 ? `${verb} ${formatCount(label.count, lang)} ${RECORDS[lang]}` : verb.replace(/:$/, '');
  const what = countedEntity(label.entity, label.count, lang);
  const title = label.count === 1 && label.title ? ` ${label.title}` : label.count === 1 && label.verb === 'erase' ? ` (${lang === 'en' ? 'erased' : 'gewist'})` : '';
  return `${verb} ${what}${title}`;
}

/** The words on the final button of a delete dialog: it names the action and how many. */
export function deleteButtonLabel(mode: DeleteMode, entity: EntityName, count: number, lang: Lang): string {
  const what = countedEntity(entity, count, lang);
  if (lang === 'nl') {
    if (mode === 'trash') return `${capitalise(what)} naar prullenbak`;
    if (mode === 'purge') return `${capitalise(what)} definitief verwijderen`;
    return `${capitalise(what)} wissen`;
  }
  if (mode === 'trash') return `Move ${what} to trash`;
  if (mode === 'purge') return `Permanently delete ${what}`;
  return `Erase ${what}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
