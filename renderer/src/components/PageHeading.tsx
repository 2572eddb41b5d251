/**
 * The heading of a page inside the signed-in shell. When the user moves to the page, it takes
 * focus, so a screen reader announces where they are; on first arrival the shell's heading does.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export function PageHeading({ children, takeFocus }: { children: ReactNode; takeFocus: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocus) ref.current?.focus();
    // Only on arrival; a later change of the flag is not a new arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <h2 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h2>
  );
}
