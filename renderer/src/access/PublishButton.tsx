/** Publishing a draft campaign: only with the task `marketing.publish`. */
import { useState } from 'react';
import { call } from '../api';
import { BusyButton, focusPageHeading } from '../components/BusyButton';
import { Notice } from '../components/Notice';
import { useRights } from '../records/rights';
import { useAccessText, type AccessMessage } from './strings';

export function PublishButton({ id, status, onPublished }: { id: number; status: unknown; onPublished?: () => void }) {
  const { a } = useAccessText();
  const rights = useRights();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: AccessMessage } | null>(null);
  if (!rights.hasTask('marketing.publish') || status === 'published') return message ? <Notice tone={message.tone}>{a(message.text.key, message.text.params)}</Notice> : null;

  async function publish() {
    setBusy(true);
    setMessage(null);
    const result = await call('campaigns.publish', { id });
    setBusy(false);
    if (result.ok) {
      // A published campaign has no Publish button: the campaign's heading, just before it, takes the focus.
      focusPageHeading();
      setMessage({ tone: 'info', text: { key: 'campaign.published' } });
      onPublished?.();
    } else setMessage({ tone: 'error', text: { key: 'campaign.publishFailed', params: { message: result.error } } });
  }

  return (
    <>
      <BusyButton className="button-primary" onClick={publish} busy={busy}>
        {busy ? a('campaign.publishing') : a('campaign.publish')}
      </BusyButton>
      {message && <Notice tone={message.tone}>{a(message.text.key, message.text.params)}</Notice>}
    </>
  );
}
