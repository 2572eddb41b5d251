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

/**
 * Each command as words around what it was about ({what}): English puts the verb first ("Delete
 * contact Jan Jansen"), Dutch the infinitive last, as its menus and the delete buttons do
 * ("Contactpersoon Jan Jansen verwijderen"), so every line of the history reads the same way.
 */
const VERBS: Record<CommandLabel['verb'], Record<Lang, string>> = {
  create: { en: 'Create {what}', nl: '{what} toevoegen' },
  update: { en: 'Edit {what}', nl: '{what} wijzigen' },
  delete: { en: 'Delete {what}', nl: '{what} verwijderen' },
  restore: { en: 'Restore {what}', nl: '{what} terugzetten' },
  purge: { en: 'Permanently delete {what}', nl: '{what} definitief verwijderen' },
  erase: { en: 'Erase {what}', nl: '{what} wissen' },
  reassign: { en: 'Reassign {what}', nl: '{what} overdragen' },
  import: { en: 'Import {what}', nl: '{what} importeren' },
  sendReminder: { en: 'Send payment reminder for {what}', nl: 'Betalingsherinnering sturen voor {what}' },
  publish: { en: 'Publish {what}', nl: '{what} publiceren' },
  withdrawConsent: { en: 'Record withdrawal of {what}', nl: 'Intrekking vastleggen van {what}' },
  restrict: { en: 'Restrict processing of {what}', nl: 'Verwerking beperken van {what}' },
  liftRestriction: { en: 'Lift restriction of {what}', nl: 'Beperking opheffen van {what}' },
  recordObjection: { en: 'Record objection to direct marketing of {what}', nl: 'Bezwaar tegen direct marketing vastleggen van {what}' },
  seed: { en: 'Add demo data: {what}', nl: 'Voorbeeldgegevens toevoegen: {what}' },
  fieldOff: { en: 'Switch off a field of {what}', nl: 'Veld uitschakelen bij {what}' },
  emptyTrash: { en: 'Empty the trash: {what}', nl: 'Prullenbak legen: {what}' },
};

const RECORDS: Record<Lang, string> = { en: 'records', nl: 'records' };

/** The template with what the command was about; with nothing to name, the words alone ("Empty the trash"). */
function fill(template: string, what: string): string {
  // A function, so a title's own "$&" or "$'" is taken as written, not as a replacement pattern.
  return capitalise(template.replace('{what}', () => what).replace(/:\s*$/, '').trim());
}

export function describeCommand(label: CommandLabel, lang: Lang): string {
  const template = VERBS[label.verb][lang];
  // Records of several kinds at once (a restore from the trash) are counted as records.
  if (!label.entity) return fill(template, label.count > 0 ? `${formatCount(label.count, lang)} ${RECORDS[lang]}` : '');
  const what = countedEntity(label.entity, label.count, lang);
  const title = label.count === 1 && label.title ? ` ${label.title}` : label.count === 1 && label.verb === 'erase' ? ` (${lang === 'en' ? 'erased' : 'gewist'})` : '';
  return fill(template, `${what}${title}`);
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
