/**
 * Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y (Cmd on a Mac) for the CRM's own undo and redo (DESIGN §7). In a
 * text field the keys stay the field's own text undo, so the handler leaves them alone there; and
 * while a dialog is open they belong to the dialog, not to the page behind it.
 */
import { useEffect, useRef } from 'react';
import { isMacPlatform } from '../sessionActivity';

export type UndoDirection = 'undo' | 'redo';

/** Input types that hold no text: a checkbox or button has no text undo to protect. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/**
 * True where Ctrl+Z is not the CRM's undo: in a text input, a text area or editable content it
 * means "undo my typing"; on any other control of an open form (a select, a checkbox, a radio, a
 * "why we ask" button) it is about what that form has not saved yet, so a command saved earlier is
 * not taken back under it. A control outside a form (the deal board's stage, a list's checkbox)
 * makes its change at once, as a command: there Ctrl+Z undoes that command. So does a control of a
 * form that stays open for the next entry and holds nothing unsaved (`data-pristine`, RecordForm):
 * after logging an activity the focus is on its Type, and the save is what Ctrl+Z is about.
 */
export function ownsUndoKeys(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  if (element instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(element.type)) return true;
  if (element instanceof HTMLTextAreaElement || element.isContentEditable) return true;
  return element.closest('form') !== null && element.closest('form[data-pristine]') === null;
}

/** A modal dialog is open: what it asks comes first, and the page behind it is inert. */
export function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/** Which of undo or redo a key press asks for, or null when it is neither. */
export function undoDirectionOf(event: KeyboardEvent, mac: boolean): UndoDirection | null {
  const modifier = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!modifier || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey && !mac) return 'redo';
  return null;
}

/** Calls `onKey` for the undo and redo keys pressed outside text fields and dialogs. */
export function useUndoShortcuts(enabled: boolean, onKey: (direction: UndoDirection) => void): void {
  const onKeyRef = useRef(onKey);
  useEffect(() => {
    onKeyRef.current = onKey;
  }, [onKey]);

  useEffect(() => {
    if (!enabled) return;
    const mac = isMacPlatform();
    const onKeyDown = (event: KeyboardEvent) => {
      const direction = undoDirectionOf(event, mac);
      if (!direction || event.defaultPrevented) return;
      if (ownsUndoKeys(event.target as Element | null) || ownsUndoKeys(document.activeElement) || dialogOpen()) return;
      event.preventDefault();
      // Holding the keys down must not undo one command after another without the user seeing each.
      if (event.repeat) return;
      onKeyRef.current(direction);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}

/** The shortcuts as aria-keyshortcuts spells them. */
export function undoShortcut(): string {
  return isMacPlatform() ? 'Meta+Z' : 'Control+Z';
}

export function redoShortcut(): string {
  return isMacPlatform() ? 'Meta+Shift+Z' : 'Control+Shift+Z Control+Y';
}
