/**
 * Words for history, trash and deletion that depend on data: counts of records ("3 contacts"),
 * the command a toast is about, and what an undo, redo or restore brought back and where. The
 * command wording itself comes from shared/historyLabels, so the CLI and the app say the same.
 */
import type { ApiError } from '../../../shared/errors';
import { countedEntity, describeCommand } from '../../../shared/historyLabels';
import type { AffectedRecord, DeleteMode, HistoryResult } from '../../../shared/historyTypes';
import { entityDef, type EntityName } from '../../../shared/registry';
import { formatCount } from '../format';
import type { Language, Translate } from '../i18n/translate';
import { titleOf } from '../records/display';

/** Always with the number, for lists of counts: "1 activity", "3 contacts". */
export function entityCount(entity: EntityName, count: number, language: Language): string {
  const label = entityDef(entity).label[count === 1 ? 'singular' : 'plural'][language].toLowerCase();
  return `${formatCount(count, language)} ${label}`;
}

/** "Contact", "25 contacts": what a deletion was about, at the start of a sentence. */
export function capitalisedCount(entity: EntityName, count: number, language: Language): string {
  const text = countedEntity(entity, count, language);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export type HistoryAction = 'undo' | 'redo' | 'restore';

/** What a toast says; kept as data so it follows a change of language while it is shown. */
export type ToastContent =
  | { kind: 'deleted'; mode: DeleteMode; entity: EntityName; count: number; commandId: number }
  | { kind: 'result'; action: HistoryAction; result: HistoryResult }
  | { kind: 'failed'; action: HistoryAction; error: ApiError }
  /** The toast's Undo or Redo would no longer reach the command it was about. */
  | { kind: 'stale'; action: 'undo' | 'redo' };

/** "Jan Jansen is back in Contacts": where the first record the command named is now. */
function whereSentence(record: AffectedRecord, action: HistoryAction, t: Translate, language: Language): string {
  const params = { title: titleOf(record, t), where: entityDef(record.entity).label.plural[language] };
  switch (record.state) {
    case 'back':
      return t('history.back', params);
    case 'gone':
      return t('history.gone', params);
    case 'changed':
      return t(action === 'redo' ? 'history.changedAgain' : 'history.changedBack', params);
  }
}

/**
 * "2 contacts and 2 organisations removed, 3 contacts with earlier values again": for a command whose
 * records went different ways (an import that added some contacts, with their organisations, and
 * merged others), or null when they all went one way.
 */
function mixedSentence(action: HistoryAction, result: HistoryResult, t: Translate, language: Language): string | null {
  const { back, gone, changed } = result.counts;
  if ([back, gone, changed].filter((count) => count > 0).length < 2) return null;
  const and = new Intl.ListFormat(language, { type: 'conjunction' });
  const counted = (state: AffectedRecord['state']) =>
    and.format(result.kinds.filter((kind) => kind.state === state).map((kind) => entityCount(kind.entity, kind.count, language)));
  const parts: string[] = [];
  if (gone > 0) parts.push(t('history.countGone', { count: counted('gone') }));
  if (back > 0) parts.push(t('history.countBack', { count: counted('back') }));
  if (changed > 0) parts.push(t(action === 'redo' ? 'history.countChangedAgain' : 'history.countChangedBack', { count: counted('changed') }));
  return parts.join(', ');
}

export function resultText(action: HistoryAction, result: HistoryResult, t: Translate, language: Language): string {
  const [first, ...rest] = result.records;
  const others = rest.length + result.more;
  const unseen = result.unseen === 0 ? '' : result.unseen === 1 ? t('history.withOneUnseen') : t('history.withUnseen', { count: formatCount(result.unseen, language) });
  const where =
    (mixedSentence(action, result, t, language) ??
      (first
        ? whereSentence(first, action, t, language) +
          (others === 0 ? '' : others === 1 ? t('history.withOneMore') : t('history.withMore', { count: formatCount(others, language) }))
        : '')) + (first ? unseen : '');
  if (action === 'restore') return `${where}.`;
  const command = describeCommand(result.command.label, language);
  const done = t(action === 'undo' ? 'history.undone' : 'history.redone', { command });
  // Undo takes back the record of a letter, not the letter: it was saved as a file, and may be on its way.
  const letter = action === 'undo' && result.command.label.verb === 'sendReminder' ? ` ${t('history.reminderLetterStays')}` : '';
  return (where === '' ? `${done}.` : `${done} — ${where}.`) + letter;
}

export function failureText(action: HistoryAction, error: ApiError, t: Translate): string {
  if (action === 'restore') return t('trash.restoreFailed', { message: error });
  // "Nothing to undo" is the core's plain answer; said in the user's language, it needs no prefix.
  if (error.code === 'NOT_FOUND') return t(action === 'undo' ? 'history.nothingToUndo' : 'history.nothingToRedo');
  return t(action === 'undo' ? 'history.undoFailed' : 'history.redoFailed', { message: error });
}

export function deletedText(mode: DeleteMode, entity: EntityName, count: number, t: Translate, language: Language): string {
  const what = capitalisedCount(entity, count, language);
  if (mode === 'trash') return t('toast.movedToTrash', { what });
  if (mode === 'purge') return t('toast.purged', { what });
  return t('toast.erased', { what });
}

export function toastText(content: ToastContent, t: Translate, language: Language): string {
  switch (content.kind) {
    case 'deleted':
      return deletedText(content.mode, content.entity, content.count, t, language);
    case 'result':
      return resultText(content.action, content.result, t, language);
    case 'failed':
      return failureText(content.action, content.error, t);
    case 'stale':
      return t(content.action === 'undo' ? 'toast.staleUndo' : 'toast.staleRedo');
  }
}

/** The record a toast offers to open: the first one the command named, if it is there to see. */
export function openableRecord(content: ToastContent): AffectedRecord | null {
  if (content.kind !== 'result') return null;
  const first = content.result.records[0];
  return first && first.state !== 'gone' ? first : null;
}
