/** A checkbox with its label beside it; the whole label is the click target. */
import type { ComponentPropsWithRef } from 'react';

interface CheckboxFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'type'> {
  label: string;
}

export function CheckboxField({ label, ...inputProps }: CheckboxFieldProps) {
  return (
    <label className="checkbox">
      <input type="checkbox" {...inputProps} />
      <span>{label}</span>
    </label>
  );
}
