/**
 * The main heading of a screen. It takes focus when the screen appears, so a screen-reader user
 * hears that the screen changed (after setup, after sign-in, after sign-out) instead of silence.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export function ScreenHeading({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className={className}>
      {children}
    </h1>
  );
}
