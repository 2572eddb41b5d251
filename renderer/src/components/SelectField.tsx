/** A labelled select, wired like TextField so the label names it and the hint describes it. */
import { useId, type ComponentPropsWithRef } from 'react';

interface SelectFieldProps extends Omit<ComponentPropsWithRef<'select'>, 'id' | 'aria-describedby'> {
  label: string;
  hint?: string;
  options: readonly { value: string; label: string }[];
}

export function SelectField({ label, hint, options, ...selectProps }: SelectFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <select id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...selectProps}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
