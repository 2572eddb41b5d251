/**
 * A select whose choice is an action made at once (the deal board's stage), chosen once however it
 * is chosen. Chromium changes a closed select's value on every arrow key, so a keyboard user passing
 * one option on the way to the next would make two changes (and two undo steps). Here an option
 * picked from the open list is made at once; one reached with the arrow keys on the closed select
 * is shown as chosen and made with Enter, or when the focus leaves it; Escape (or Ctrl+Z) puts the
 * select back to what it was.
 */
import { useRef, useState, type Ref } from 'react';

/** Keys with which a closed select goes through its options, changing its value (letters too). */
const BROWSE_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

interface ChoiceSelectProps {
  value: string;
  options: readonly { value: string; label: string }[];
  /** `stay`: the focus is still on the select (false when it was made as the focus left). */
  onChoose: (value: string, stay: boolean) => void;
  disabled?: boolean;
  selectRef?: Ref<HTMLSelectElement>;
  /** The id of the text saying how the keys work. */
  describedBy?: string;
}

export function ChoiceSelect({ value, options, onChoose, disabled, selectRef, describedBy }: ChoiceSelectProps) {
  const [pending, setPendingState] = useState<string | null>(null);
  // The same, read at once: a blur right after Enter (the select is disabled while the choice is
  // made) must not make it a second time from a render that still holds it.
  const pendingRef = useRef<string | null>(null);
  const setPending = (next: string | null) => {
    pendingRef.current = next;
    setPendingState(next);
  };
  // Set by a browse key for the change its default action makes at once, in the same task.
  const browsing = useRef(false);

  const choose = (stay: boolean) => {
    const chosen = pendingRef.current;
    if (chosen === null) return;
    setPending(null);
    onChoose(chosen, stay);
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
        const undoKey = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z';
        if (event.key === 'Enter') {
          event.preventDefault();
          choose(true);
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
          if (next !== value) onChoose(next, true);
          return;
        }
        browsing.current = false;
        setPending(next === value ? null : next);
      }}
      onBlur={() => choose(false)}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
