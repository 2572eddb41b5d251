/**
 * The way out of a half-finished sign-in: "Cancel" signs out (the core forgets the pending step)
 * and brings back the first sign-in screen.
 */
import { useState } from 'react';
import { call } from '../api';
import { useI18n } from '../i18n/I18nProvider';

export function CancelSignIn({ onCancelled, disabled }: { onCancelled: () => void; disabled?: boolean }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  async function cancel() {
    setBusy(true);
    await call('session.signOut', {});
    // Whatever the answer, the user wants to start over; the core decides what they see next.
    onCancelled();
  }
  return (
    <button type="button" className="button-quiet" onClick={() => void cancel()} disabled={busy || disabled}>
      {t('common.cancel')}
    </button>
  );
}
