/**
 * While an administrator previews the app as someone else, this banner says so at the top of the
 * shell and offers the way back. The core makes the preview read-only; Stop ends it.
 */
import { useState } from 'react';
import type { SessionUser } from '../../../shared/api';
import { call } from '../api';
import { BusyButton } from '../components/BusyButton';
import { useAccessText, type AccessMessage } from './strings';
import './access.css';

export function ViewAsBanner({ viewAs }: { viewAs: SessionUser }) {
  const { a } = useAccessText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AccessMessage | null>(null);

  async function stop() {
    setBusy(true);
    setError(null);
    // The core announces the change, and the app reloads the session without the preview.
    const result = await call('access.viewAs', { userId: null });
    setBusy(false);
    if (!result.ok) setError({ key: 'viewAs.stopFailed', params: { message: result.error } });
  }

  return (
    <div className="view-as-banner" role="region" aria-label={a('viewAs.banner', { name: viewAs.displayName })}>
      <p>
        <strong>{a('viewAs.banner', { name: viewAs.displayName })}</strong>
      </p>
      <BusyButton className="button-primary" onClick={stop} busy={busy}>
        {a('viewAs.stop')}
      </BusyButton>
      {error && (
        <p role="alert" className="field-error">
          {a(error.key, error.params)}
        </p>
      )}
    </div>
  );
}
