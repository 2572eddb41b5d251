/**
 * A calm message box. `info` is a polite status; `warning` stays visible and is not an alarm, so
 * it is a status too; failures use `error`, which is an alert and is read out at once.
 */
import type { ReactNode } from 'react';

interface NoticeProps {
  tone: 'info' | 'warning' | 'error';
  children: ReactNode;
}

export function Notice({ tone, children }: NoticeProps) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
