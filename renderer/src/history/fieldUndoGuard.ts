/**
 * Chromium keeps one text-undo stack for the whole page: Ctrl+Z in a field with nothing of its own
 * left to undo takes back the typing in another field (often the search box), and moves the focus
 * there. The user pressed it here, about this field, so a text undo or redo that would change any
 * other element than the focused one is refused: the keys do nothing rather than something
 * elsewhere. The browser announces the change before making it (`beforeinput`, historyUndo and
 * historyRedo) with the element it would change as target, and lets it be cancelled.
 */
const HISTORY_INPUT = new Set(['historyUndo', 'historyRedo']);

function refuseUndoElsewhere(event: InputEvent): void {
  if (!HISTORY_INPUT.has(event.inputType)) return;
  const focused = document.activeElement;
  const target = event.target;
  if (target instanceof Node && focused !== null && (target === focused || focused.contains(target))) return;
  event.preventDefault();
}

/** Installs the guard for the page's lifetime; returns how to take it away again (tests). */
export function guardFieldUndo(): () => void {
  document.addEventListener('beforeinput', refuseUndoElsewhere, true);
  return () => document.removeEventListener('beforeinput', refuseUndoElsewhere, true);
}
