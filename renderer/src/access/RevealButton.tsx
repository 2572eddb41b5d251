/**
 * A masked value (`•••• 4821`) with a Reveal button beside it. Revealing asks the core
 * (`records.reveal`, audited) and shows the whole value in place, for as long as the page is open.
 */
import { useState } from 'react';
import type { EntityName } from '../../../shared/registry';
import { call } from '../api';
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
}

export function RevealableValue({ entity, id, field, label, masked }: RevealProps) {
  const { a } = useAccessText();
  const [value, setValue] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AccessMessage | null>(null);

  async function reveal() {
    setBusy(true);
    setError(null);
    const result = await call('records.reveal', { entity, id, field });
    setBusy(false);
    if (result.ok) setValue(result.value.value === null ? '' : String(result.value.value));
    else setError({ key: 'reveal.failed', params: { message: result.error } });
  }

  if (value !== null) return <span className="revealed-value">{value}</span>;
  return (
    <span className="masked-value">
      <span>{masked}</span>{' '}
      <button type="button" className="button-quiet button-small" onClick={reveal} disabled={busy} aria-label={a('reveal.label', { field: label })}>
        {a('reveal.button')}
      </button>
      {error && (
        <span role="alert" className="field-error">
          {' '}
          {a(error.key, error.params)}
        </span>
      )}
    </span>
  );
}
