/**
 * A select whose choice is an action made at once (the deal board's stage), chosen once however it
 * is chosen. Chromium changes a closed select's value on every arrow key, so a keyboard user passing
 * one option on the way to the next would make two changes (and two undo steps). Here an option
 * picked from the open list is made at once; one reached with the arrow keys (or a letter) on the
 * closed select is shown as chosen and made with Enter only. Escape, Ctrl+Z, or leaving the select
 * puts it back to what it was: nothing is made that was not confirmed (a Tab, a click elsewhere or
 * signing out would otherwise move a deal the user only looked at).
 */
import { useRef, useState, type Ref } from 'react';

/** Keys with which a closed select goes through its options, changing its value (letters too). */
const BROWSE_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

interface ChoiceSelectProps {
  value: string;
  options: readonly { value: string; label: string }[];
  onChoose: (value: string) => void;
  disabled?: boolean;
  selectRef?: Ref<HTMLSelectElement>;
  /** The id of the text saying how the keys work. */
  describedBy?: string;
}

export function ChoiceSelect({ value, options, onChoose, disabled, selectRef, describedBy }: ChoiceSelectProps) {
  const [pending, setPendingState] = useState<string | null>(null);
  // The same, read at once: Enter makes the choice from the ref, never from a render that still holds it.
  const pendingRef = useRef<string | null>(null);
  const setPending = (next: string | null) => {
    pendingRef.current = next;
    setPendingState(next);
  };
  // Set by a browse key for the change its default action makes at once, in the same task.
  const browsing = useRef(false);

  const choose = () => {
    const chosen = pendingRef.current;
    if (chosen === null) return;
    setPending(null);
    onChoose(chosen);
  };

  return (
    <select
      ref={selectRef}
      value={pending ?? value}
      disabled={disabled}
      aria-describedby={describedBy}
      onKeyDown={(event) => {
        // A letter goes to the first option starting with it (type-ahead): a browse key too.
        const typeAhead = event.key.length === 1 && !event.ctrlKey && !event.metaKey;
        if ((BROWSE_KEYS.has(event.key) || typeAhead) && !event.altKey) {
          browsing.current = true;
          setTimeout(() => (browsing.current = false));
          return;
        }
        if (pendingRef.current === null) return;
        // Ctrl+Z only: redo (Ctrl+Shift+Z, Ctrl+Y) goes on to the CRM's redo, as from anywhere.
        const undoKey = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z';
        if (event.key === 'Enter') {
          event.preventDefault();
          choose();
        } else if (event.key === 'Escape' || undoKey) {
          // Not yet made, so nothing for the CRM's undo: the select goes back, as typing in a field would.
          event.preventDefault();
          event.stopPropagation();
          setPending(null);
        }
      }}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (!browsing.current) {
          setPending(null);
          if (next !== value) onChoose(next);
          return;
        }
        browsing.current = false;
        setPending(next === value ? null : next);
      }}
      onBlur={() => setPending(null)}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
