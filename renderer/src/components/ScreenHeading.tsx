/**
 * The main heading of a screen. When the screen appears, focus goes to the field the screen is for
 * (`initialFocus`: the password that unlocks, the code, the first field of a form), so the user can
 * type at once; that field is described by the heading and the screen's lead (screenIds), so a
 * screen reader still says which screen this is. Without such a field the heading itself takes the
 * focus, so a screen-reader user hears that the screen changed instead of silence.
 */
import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';

interface ScreenHeadingProps {
  children: ReactNode;
  className?: string;
  id?: string;
  initialFocus?: RefObject<HTMLElement | null>;
}

export function ScreenHeading({ children, className, id, initialFocus }: ScreenHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    (initialFocus?.current ?? ref.current)?.focus();
    // Only when the screen appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <h1 ref={ref} id={id} tabIndex={-1} className={className}>
      {children}
    </h1>
  );
}

/** The ids of a screen's heading and lead, and the description of the field that takes the focus. */
export function useScreenIds(): { headingId: string; leadId: string; describedBy: string } {
  const id = useId();
  return { headingId: `${id}-heading`, leadId: `${id}-lead`, describedBy: `${id}-heading ${id}-lead` };
}
