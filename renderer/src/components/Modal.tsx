/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert, and
 * this component adds what the platform leaves open. Escape always means cancel; Tab stays inside;
 * focus starts where the caller says (or on the first control) and goes back to where it was when
 * the dialog closes.
 */
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

interface ModalProps {
  /** The id of the dialog's heading, which names it. */
  labelledBy: string;
  describedBy?: string;
  onCancel: () => void;
  /** The control that gets focus first; by default the first one in the dialog. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** 'wide' for dialogs that list things to review. */
  size?: 'normal' | 'wide';
  children: ReactNode;
}

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

export function Modal({ labelledBy, describedBy, onCancel, initialFocus, size = 'normal', children }: ModalProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  // The newest onCancel, read by listeners attached once.
  const onCancelRef = useRef(onCancel);
  useEffect(() => {
    onCancelRef.current = onCancel;
  }, [onCancel]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const returnFocusTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;

    const onCancelEvent = (event: Event) => {
      // Escape: the owner decides whether and how the dialog closes.
      event.preventDefault();
      onCancelRef.current();
    };
    // The browser may close a dialog on Escape without a cancelable event (abuse protection);
    // a close the owner did not ask for is a cancel too.
    const onClose = () => onCancelRef.current();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => !element.hidden);
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (!first || !last) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    };

    dialog.addEventListener('cancel', onCancelEvent);
    dialog.addEventListener('close', onClose);
    dialog.addEventListener('keydown', onKeyDown);
    if (!dialog.open) dialog.showModal();
    (initialFocus?.current ?? dialog.querySelector<HTMLElement>(FOCUSABLE))?.focus();

    return () => {
      dialog.removeEventListener('cancel', onCancelEvent);
      dialog.removeEventListener('close', onClose);
      dialog.removeEventListener('keydown', onKeyDown);
      if (dialog.open) dialog.close();
      if (returnFocusTo?.isConnected) returnFocusTo.focus();
    };
    // Opened once per mount; the initial focus target is read at that moment only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <dialog ref={dialogRef} className={size === 'wide' ? 'modal modal-wide' : 'modal'} aria-modal="true" aria-labelledby={labelledBy} aria-describedby={describedBy}>
      {children}
    </dialog>
  );
}
