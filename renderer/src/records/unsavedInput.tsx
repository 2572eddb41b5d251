/**
 * What the user typed and has not saved yet outlives an undo. When records change under a page
 * (undo, redo, restore, deletion) the shell shows the page afresh — unless a form on it holds
 * unsaved input: then the page stays as it is, says so, and is shown afresh once the form is saved
 * or closed. Saving is safe in between: an edit sends only the fields the user changed.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';

/**
 * What a page says about the user's own last step (a "Saved" notice) outlives its being shown
 * afresh: saving the form is what lets a deferred refresh happen, and the notice must not go with
 * it. One memory per visit of a page; going to a page starts a new one.
 */
const VisitMemoryContext = createContext<Map<string, unknown> | null>(null);
export const VisitMemoryProvider = VisitMemoryContext.Provider;

/** useState that a page shown afresh within the same visit gets back. */
export function useVisitState<T>(name: string, initial: T): [T, (value: T) => void] {
  const memory = useContext(VisitMemoryContext);
  const [value, setValue] = useState<T>(() => (memory?.has(name) ? (memory.get(name) as T) : initial));
  const set = useCallback(
    (next: T) => {
      memory?.set(name, next);
      setValue(next);
    },
    [memory, name],
  );
  return [value, set];
}

/** Marks a form as holding unsaved input; returns the function that releases the mark. */
type Hold = () => () => void;

const UnsavedInputContext = createContext<Hold>(() => () => undefined);
export const UnsavedInputProvider = UnsavedInputContext.Provider;

/** For a form: tells the shell while it holds input that is not saved (`holds`). */
export function useUnsavedInput(holds: boolean): void {
  const hold = useContext(UnsavedInputContext);
  useEffect(() => (holds ? hold() : undefined), [holds, hold]);
}

export interface PageRefresh {
  /** Bumped each time the page is to be shown afresh. */
  refreshes: number;
  /** Records changed while a form held unsaved input; the page is shown afresh when it lets go. */
  deferred: boolean;
  /** Records changed under the page: show it afresh, or defer that while a form holds input. */
  refresh: () => void;
  /** The user goes to another page, which starts afresh anyway. */
  forget: () => void;
  hold: Hold;
  /** Whether a form on the page holds input that is not saved (asked before leaving the page). */
  holdsInput: () => boolean;
}

/**
 * The shell's side: counts the forms holding unsaved input and defers refreshes while any do, on
 * pages that show records (`showsRecords`; other pages are not shown afresh at all).
 * `onShowAfresh` runs just before the page is; `afterInput` when a form letting go allowed it.
 */
export function usePageRefresh(showsRecords: boolean, onShowAfresh: (afterInput: boolean) => void): PageRefresh {
  const [refreshes, setRefreshes] = useState(0);
  const [deferred, setDeferred] = useState(false);
  const holding = useRef(0);
  const deferredRef = useRef(false);
  const latest = useRef({ showsRecords, onShowAfresh });
  useEffect(() => {
    latest.current = { showsRecords, onShowAfresh };
  }, [showsRecords, onShowAfresh]);

  const setDeferredTo = useCallback((value: boolean) => {
    deferredRef.current = value;
    setDeferred(value);
  }, []);
  const showAfresh = useCallback((afterInput: boolean) => {
    latest.current.onShowAfresh(afterInput);
    setRefreshes((count) => count + 1);
  }, []);

  const hold = useCallback<Hold>(() => {
    holding.current += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      holding.current -= 1;
      if (holding.current === 0 && deferredRef.current) {
        setDeferredTo(false);
        showAfresh(true);
      }
    };
  }, [setDeferredTo, showAfresh]);

  const refresh = useCallback(() => {
    if (holding.current > 0 && latest.current.showsRecords) setDeferredTo(true);
    else showAfresh(false);
  }, [setDeferredTo, showAfresh]);

  const forget = useCallback(() => setDeferredTo(false), [setDeferredTo]);
  const holdsInput = useCallback(() => holding.current > 0, []);
  return { refreshes, deferred, refresh, forget, hold, holdsInput };
}
