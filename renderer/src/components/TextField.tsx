/**
 * A labelled input with an optional hint and error, wired for assistive technology: the label names
 * the input, and the hint and error are read with it through aria-describedby.
 */
import { useId, type ComponentPropsWithRef } from 'react';

interface TextFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'id' | 'aria-describedby'> {
  label: string;
  hint?: string;
  error?: string;
  /** Ids of more text that describes the field, read before its hint (a screen's heading and lead). */
  describedBy?: string;
}

export function TextField({ label, hint, error, describedBy: extra, ...inputProps }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [extra ?? null, hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...inputProps}
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
