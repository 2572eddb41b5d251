/**
 * A calm message box. `info` is a polite status; `warning` stays visible and is not an alarm, so
 * it is a status too; failures use `error`, which is an alert and is read out at once.
 */
import type { ReactNode } from 'react';

interface NoticeProps {
  tone: 'info' | 'warning' | 'error';
  /** For a field the notice is about, to name it in its aria-describedby. */
  id?: string;
  children: ReactNode;
}

export function Notice({ tone, id, children }: NoticeProps) {
  return (
    <div id={id} className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
