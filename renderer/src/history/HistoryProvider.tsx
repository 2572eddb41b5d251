/**
 * Undo and redo for the whole signed-in shell (DESIGN §7): the keys, the application menu's
 * commands, and one toast that says what happened ("Contact moved to trash — Undo", "Undone: …
 * Jan Jansen is back in Contacts"). Whatever changed the data asks the shell to show the page
 * afresh, so lists and detail pages never show a record that has gone or miss one that came back.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CommandSummary, DeleteMode, DeleteResult, HistoryResult } from '../../../shared/historyTypes';
import type { EntityName } from '../../../shared/registry';
import { call, onEvent, onNewStep } from '../api';
import { Toast } from './Toast';
import { dialogOpen, ownsUndoKeys, useUndoShortcuts, type UndoDirection } from './undoShortcuts';
import type { ToastContent } from './words';

export interface History {
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  /** A deletion went through: the toast says so (with Undo for the trash), the page is shown afresh. */
  deleted: (mode: DeleteMode, entity: EntityName, count: number, result: DeleteResult) => void;
  /** A record came back from the trash: the toast says where, the page is shown afresh. */
  restored: (result: HistoryResult) => void;
  /** An undo or redo is on its way. */
  busy: boolean;
}

const HistoryContext = createContext<History | null>(null);

export function useHistory(): History {
  const history = useContext(HistoryContext);
  if (!history) throw new Error('useHistory must be used inside <HistoryProvider>');
  return history;
}

/** The Electron menu's accelerator and the page's own key handler may both see one key press. */
const SAME_PRESS_MS = 500;
/** As many commands as history.list gives, to find the one redo would reach. */
const JOURNAL_LIMIT = 200;

/**
 * The command undo or redo would reach now: undo takes the newest one done, redo the oldest one
 * undone (the core walks the stack the same way).
 */
function nextTarget(commands: CommandSummary[], direction: UndoDirection): number | null {
  if (direction === 'undo') return commands.find((command) => command.state === 'done')?.id ?? null;
  return commands.filter((command) => command.state === 'undone').at(-1)?.id ?? null;
}

interface HistoryProviderProps {
  /** The data changed: show the current page afresh. */
  onDataChanged: () => void;
  onOpenHistory: () => void;
  children: ReactNode;
}

export function HistoryProvider({ onDataChanged, onOpenHistory, children }: HistoryProviderProps) {
  const [toast, setToast] = useState<{ content: ToastContent; serial: number; takeFocus: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const serial = useRef(0);
  const toastRef = useRef<HTMLDivElement>(null);
  // The last undo or redo asked for by a key or by the menu, to recognise one press seen twice.
  const lastAsked = useRef<{ direction: UndoDirection; at: number; by: 'key' | 'menu' } | null>(null);

  const show = useCallback((content: ToastContent, takeFocus: boolean) => {
    serial.current += 1;
    setToast({ content, serial: serial.current, takeFocus });
  }, []);

  const run = useCallback(
    async (direction: UndoDirection) => {
      if (inFlight.current) return;
      inFlight.current = true;
      // Read before anything re-renders: a user who pressed the toast's button stays in the toast.
      const fromToast = toastRef.current?.contains(document.activeElement) ?? false;
      setBusy(true);
      const result = await call(direction === 'undo' ? 'history.undo' : 'history.redo', {});
      inFlight.current = false;
      setBusy(false);
      if (result.ok) {
        show({ kind: 'result', action: direction, result: result.value }, fromToast);
        onDataChanged();
      } else show({ kind: 'failed', action: direction, error: result.error }, fromToast);
    },
    [show, onDataChanged],
  );

  /** Runs what a key or the menu asked for, unless the other one just asked the same. */
  const ask = useCallback(
    (direction: UndoDirection, by: 'key' | 'menu') => {
      const last = lastAsked.current;
      const now = Date.now();
      lastAsked.current = { direction, at: now, by };
      if (last && last.by !== by && last.direction === direction && now - last.at < SAME_PRESS_MS) return;
      void run(direction);
    },
    [run],
  );

  useUndoShortcuts(true, (direction) => ask(direction, 'key'));

  // A new step (a save, a publication) ends what could be redone and comes before what the toast
  // would undo: its Undo or Redo, and a refusal it tells of, are past. The step's own toast, if it
  // has one (a deletion), is shown after this.
  useEffect(() => onNewStep(() => setToast(null)), []);

  useEffect(
    () =>
      onEvent('menu.command', ({ command }) => {
        if (command === 'history') {
          onOpenHistory();
          return;
        }
        // In a text field (or an open form) the menu's Undo is the field's own; the renderer knows where focus is.
        if (ownsUndoKeys(document.activeElement)) {
          document.execCommand(command);
          return;
        }
        if (dialogOpen()) return;
        ask(command, 'menu');
      }),
    [onOpenHistory, ask],
  );

  // A toast can outlive the moment: by the time its Undo is pressed, the user may have changed
  // something else, and a plain undo would reverse that instead of what the toast names.
  const followUp = useCallback(
    async (direction: UndoDirection, commandId: number) => {
      const fromToast = toastRef.current?.contains(document.activeElement) ?? false;
      const journal = await call('history.list', { limit: JOURNAL_LIMIT });
      if (journal.ok && nextTarget(journal.value, direction) !== commandId) {
        show({ kind: 'stale', action: direction }, fromToast);
        return;
      }
      await run(direction);
    },
    [run, show],
  );

  const deleted = useCallback(
    (mode: DeleteMode, entity: EntityName, count: number, result: DeleteResult) => {
      show({ kind: 'deleted', mode, entity, count, commandId: result.command.id }, false);
      onDataChanged();
    },
    [show, onDataChanged],
  );

  const restored = useCallback(
    (result: HistoryResult) => {
      show({ kind: 'result', action: 'restore', result }, false);
      onDataChanged();
    },
    [show, onDataChanged],
  );

  const value = useMemo<History>(
    () => ({ undo: () => run('undo'), redo: () => run('redo'), deleted, restored, busy }),
    [run, deleted, restored, busy],
  );

  return (
    <HistoryContext.Provider value={value}>
      {children}
      <Toast ref={toastRef} toast={toast} busy={busy} onFollowUp={(direction, id) => void followUp(direction, id)} onDismiss={() => setToast(null)} />
    </HistoryContext.Provider>
  );
}
