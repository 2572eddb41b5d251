/**
 * A masked value (`•••• 4821`) with a Reveal button beside it. Revealing asks the core
 * (`records.reveal`, audited) and shows the whole value in place, for as long as the page is open.
 * After a few reveals the core asks for a fresh code first (the step-up dialog). Special-category
 * values are never revealed, so they get no button.
 */
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { EntityName } from '../../../shared/registry';
import { BusyButton } from '../components/BusyButton';
import { isStepUpCancelled, useStepUp } from '../stepUp';
import { useAccessText, type AccessMessage } from './strings';

/** The core sends masked values in this shape; the renderer never unmasks on its own. */
export const isMasked = (value: unknown): boolean => typeof value === 'string' && value.startsWith('••••');

interface RevealProps {
  entity: EntityName;
  id: number;
  field: string;
  /** The field's label, for the button's accessible name. */
  label: string;
  masked: string;
  /** False for special-category data, which the core never reveals. */
  revealable: boolean;
}

export function RevealableValue({ entity, id, field, label, masked, revealable }: RevealProps) {
  const { a } = useAccessText();
  const { callWithStepUp } = useStepUp();
  const [value, setValue] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AccessMessage | null>(null);
  const revealedRef = useRef<HTMLSpanElement>(null);

  async function reveal() {
    setBusy(true);
    setError(null);
    const result = await callWithStepUp('records.reveal', { entity, id, field });
    setBusy(false);
    if (result.ok) {
      flushSync(() => setValue(result.value.value === null ? '' : String(result.value.value)));
      // The value takes the button's place, and its focus: it is what the user asked to hear.
      revealedRef.current?.focus();
    } else if (!isStepUpCancelled(result.error)) setError({ key: 'reveal.failed', params: { message: result.error } });
  }

  if (value !== null)
    return (
      <span ref={revealedRef} tabIndex={-1} className="revealed-value">
        {value}
      </span>
    );
  if (!revealable) return <span className="masked-value">{masked}</span>;
  return (
    <span className="masked-value">
      <span>{masked}</span>{' '}
      <BusyButton className="button-quiet button-small" onClick={reveal} busy={busy} aria-label={a('reveal.label', { field: label })}>
        {a('reveal.button')}
      </BusyButton>
      {error && (
        <span role="alert" className="field-error">
          {' '}
          {a(error.key, error.params)}
        </span>
      )}
    </span>
  );
}
