/** Core messages of the history part of the core (see index.ts). Ids start with 'history.'. */
export const HISTORY_MESSAGES = {
  /** {what}: the records that block it, counted ("2 invoices, 1 deal"). */
  'history.stillNeeded': 'Still needed by {what}, which must keep their link (invoices are kept for bookkeeping).',
  /** {entity}: a kind of record, capitalised; {title}: its name; {until}: the day its hold ends, written out. */
  'history.keptByLaw': '{entity} {title} is kept for the bookkeeping until {until} (the fiscal retention duty), so it cannot be deleted for good before then. Until then it stays in the trash, unless you restore it.',
  /** {entity}: a kind of record, lower case; {title}; {until}, as for history.keptByLaw. */
  'history.undoKeptByLaw': 'Undo would delete {entity} {title} for good, but it is kept for the bookkeeping until {until} (the fiscal retention duty). Correct it, or move it to the trash.',
  /** {title}: the campaign's name. */
  'history.campaignSent': 'Campaign {title} stays published: its list of recipients was saved after it was published, so it may have gone out. A new message is a new campaign.',
  /** {entity}: a kind of record, lower case. */
  'history.noSuchInTrash': 'No such {entity} in the trash.',
  'history.purgeTrashedWith': 'This {entity} went to the trash with another record; permanently delete that one.',
  'history.onlyPeopleErased': 'Only people (contacts) can be erased.',
  'history.reviewFirst': 'Review what this deletes first.',
  'history.reviewAgain': 'What this deletes has changed since it was reviewed. Review it again.',
  'history.restoreTrashedWith': 'This {entity} comes back with the record it went to the trash with.',
  'history.nothingToUndo': 'Nothing to undo.',
  'history.nothingToRedo': 'Nothing to redo.',
  /** {command}: what the command did ("Delete contact Jan Jansen"). */
  'history.cannotUndo': '“{command}” cannot be undone.',
  'history.cannotRedo': '“{command}” cannot be redone.',
  /**
   * {entity}: a kind of record, lower case; {title}: the record's name. Undo checks the rights of
   * now, which may never have been held: a user allowed to delete a contact but not to restore one
   * cannot undo deleting it. So the words say "may not", not "may no longer" (the ids keep their first name).
   */
  'history.noLongerTask': 'You may not do this to {entity} {title}, so this cannot be reversed.',
  'history.noLongerCreate': 'You may not create {entity} {title}, so this cannot be reversed.',
  'history.noLongerUpdate': 'You may not update {entity} {title}, so this cannot be reversed.',
  'history.noLongerDelete': 'You may not delete {entity} {title}, so this cannot be reversed.',
  'history.noLongerRestore': 'You may not restore {entity} {title}, so this cannot be reversed.',
  /** {entity}: a kind of record, lower case: the record the command changed, which the user may no longer read. */
  'history.noLongerReadable': 'You may no longer see the {entity} this changed, so this cannot be reversed.',
  /** {entity}: a kind of record, lower case; {title}: its name. The record it would link to is not named. */
  'history.linkNotReadable': 'This would link {entity} {title} to a record you may not see, so it cannot be reversed.',
  /** {field}: the field's label. */
  'history.noLongerEditField': 'You may not change “{field}” of {entity} {title}, so this cannot be reversed.',
  /** {entity}: a kind of record, capitalised; {title}: its name. Undo and redo alike: a link cannot come back. */
  'history.linkGone': '{entity} {title} was linked to a record that has since been deleted for good, so this cannot be reversed.',
  /** {entity}: a kind of record, lower case, that the user may not read. */
  'history.linkGoneHidden': 'A {entity} this changed was linked to a record that has since been deleted for good, so this cannot be reversed.',
  /** {entity}: a kind of record, capitalised; {who}: a user's display name. */
  'history.undoChanged': '{entity} {title} was changed since; undo would overwrite that, so nothing was changed.',
  'history.undoChangedBy': '{entity} {title} was changed by {who} since; undo would overwrite that, so nothing was changed.',
  /** A record the user may not read, so it is not named. {entity}: a kind of record, lower case. */
  'history.undoChangedHidden': 'A {entity} that went along with it was changed since; undo would overwrite that, so nothing was changed.',
  'history.undoChangedHiddenBy': 'A {entity} that went along with it was changed by {who} since; undo would overwrite that, so nothing was changed.',
  /** The record the command changed itself, which the user may no longer read. {entity}: lower case. */
  'history.undoChangedOwnHidden': 'The {entity} this changed was changed since, and you can no longer see it; undo would overwrite that, so nothing was changed.',
  'history.undoChangedOwnHiddenBy':
    'The {entity} this changed was changed by {who} since, and you can no longer see it; undo would overwrite that, so nothing was changed.',
  'history.redoChangedOwnHidden': 'The {entity} this changed was changed since, and you can no longer see it; redo would overwrite that, so nothing was changed.',
  'history.redoChangedOwnHiddenBy':
    'The {entity} this changed was changed by {who} since, and you can no longer see it; redo would overwrite that, so nothing was changed.',
  'history.redoChanged': '{entity} {title} was changed since; redo would overwrite that, so nothing was changed.',
  'history.redoChangedBy': '{entity} {title} was changed by {who} since; redo would overwrite that, so nothing was changed.',
  'history.redoChangedHidden': 'A {entity} that went along with it was changed since; redo would overwrite that, so nothing was changed.',
  'history.redoChangedHiddenBy': 'A {entity} that went along with it was changed by {who} since; redo would overwrite that, so nothing was changed.',
  'history.undoReferenced': 'Other records now refer to what undo would remove, so nothing was changed.',
  'history.redoReferenced': 'Other records now refer to what redo would remove, so nothing was changed.',
  /** {entity}: the kind of the record that links, {title}: its title. */
  'history.undoReferencedBy': '{entity} {title} now links to a record undo would remove, so nothing was changed. Take that link away first, then undo again.',
  'history.redoReferencedBy': '{entity} {title} now links to a record redo would remove, so nothing was changed. Take that link away first, then redo again.',
  /** Undo and redo wait for a running import of the same user: its command is not one step until it has finished. */
  'history.importRunning': 'An import is still running; wait for it to finish or cancel it, then undo.',
  'history.importRunningRedo': 'An import is still running; wait for it to finish or cancel it, then redo.',
  'history.importRunningDelete': 'An import is running; delete for good once it has finished or been cancelled.',
} as const;
