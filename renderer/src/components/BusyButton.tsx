/**
 * A button that keeps the keyboard focus while the work it started runs. A disabled button loses
 * the focus (Chromium moves it to <body>, so the next Tab starts at the top of the page, far from
 * where the user was); this one is only marked aria-disabled while busy and ignores presses, so
 * the focus stays on it — and the step-up dialog, which gives the focus back to whatever had it
 * when it opened, gives it back here. A screen reader still hears it as unavailable.
 *
 * Where the button itself goes away after the work (a row restored, an editor closed), the owner
 * moves the focus to a neighbour: `neighbourOf` picks it, `focusPageHeading` is the last resort.
 */
import type { ComponentPropsWithRef } from 'react';

interface BusyButtonProps extends ComponentPropsWithRef<'button'> {
  /** The work is running: presses are ignored, and the button says it is unavailable. */
  busy: boolean;
}

export function BusyButton({ busy, onClick, type = 'button', ...props }: BusyButtonProps) {
  return (
    <button
      {...props}
      type={type}
      aria-disabled={busy || props['aria-disabled']}
      onClick={(event) => {
        // Still a live button to the browser: a submit button would send its form again.
        if (busy) event.preventDefault();
        else onClick?.(event);
      }}
    />
  );
}

/** The item that takes the focus when `item` leaves `list`: the next one, else the one before. */
export function neighbourOf<T>(list: readonly T[], item: T): T | undefined {
  const index = list.indexOf(item);
  if (index < 0) return undefined;
  return list[index + 1] ?? list[index - 1];
}

/** When nothing near is left, the page's heading: the user stays on the page, not at its top. */
export function focusPageHeading(): void {
  document.querySelector<HTMLElement>('main .page-heading')?.focus();
}

/** After work that may take away the button that started it: the heading, if the focus fell to <body>. */
export function focusPageHeadingIfLost(): void {
  if (!document.activeElement || document.activeElement === document.body) focusPageHeading();
}

/** The focus is nowhere the user put it: on <body>, or on the page heading the shell gave it after showing the page afresh. */
export function focusIsFree(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active.classList.contains('page-heading');
}
