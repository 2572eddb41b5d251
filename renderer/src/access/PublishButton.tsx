/** Publishing a draft campaign: only with the task `marketing.publish`. */
import { useState } from 'react';
import { call } from '../api';
import { Notice } from '../components/Notice';
import { useRights } from '../records/rights';
import { useAccessText } from './strings';

export function PublishButton({ id, status, onPublished }: { id: number; status: unknown; onPublished?: () => void }) {
  const { a, errorText } = useAccessText();
  const rights = useRights();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  if (!rights.hasTask('marketing.publish') || status === 'published') return message ? <Notice tone={message.tone}>{message.text}</Notice> : null;

  async function publish() {
    setBusy(true);
    setMessage(null);
    const result = await call('campaigns.publish', { id });
    setBusy(false);
    if (result.ok) {
      setMessage({ tone: 'info', text: a('campaign.published') });
      onPublished?.();
    } else setMessage({ tone: 'error', text: a('campaign.publishFailed', { message: errorText(result.error) }) });
  }

  return (
    <>
      <button type="button" className="button-primary" onClick={publish} disabled={busy}>
        {busy ? a('campaign.publishing') : a('campaign.publish')}
      </button>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
    </>
  );
}
