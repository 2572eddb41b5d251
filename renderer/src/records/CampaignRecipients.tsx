/**
 * Whom a campaign may go to, on its page: how many people consented to the purpose it names, and
 * how many the law or the channel leaves out, and why. Counts only; the names leave in the file
 * Marketing saves once the campaign is published (with a fresh code, as every export). The core
 * works it all out (electron/core/records/campaignRecipients.ts).
 */
import { useEffect, useState } from 'react';
import type { CampaignRecipients as Recipients } from '../../../shared/apiTypes';
import type { RecordView } from '../../../shared/recordTypes';
import { call } from '../api';
import { BusyButton } from '../components/BusyButton';
import { Notice } from '../components/Notice';
import { formatCount } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/en';
import type { Message } from '../i18n/translate';
import { saveTextFile } from '../saveFile';
import { isStepUpCancelled, useStepUp } from '../stepUp';
import { useRights } from './rights';

type LeftOut = { reason: keyof Recipients['leftOut']; one: MessageKey; many: MessageKey };

/** The reasons a person is left out, in the order the core counts them, each with its sentence. */
function leftOutReasons(channel: string): LeftOut[] {
  const unreachable: LeftOut =
    channel === 'post'
      ? { reason: 'unreachable', one: 'recipients.noAddressOne', many: 'recipients.noAddress' }
      : { reason: 'unreachable', one: 'recipients.noEmailOne', many: 'recipients.noEmail' };
  return [
    { reason: 'restricted', one: 'recipients.restrictedOne', many: 'recipients.restricted' },
    { reason: 'objected', one: 'recipients.objectedOne', many: 'recipients.objected' },
    unreachable,
    { reason: 'withdrawn', one: 'recipients.withdrawnOne', many: 'recipients.withdrawn' },
  ];
}

export function CampaignRecipients({ record }: { record: RecordView }) {
  const { t, language } = useI18n();
  const rights = useRights();
  const { callWithStepUp } = useStepUp();
  const [recipients, setRecipients] = useState<Recipients | null>(null);
  const [error, setError] = useState<Message | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<Message | null>(null);

  // Counted again whenever the record changes: an edit of its purpose or channel, its publication.
  useEffect(() => {
    let current = true;
    void call('campaigns.recipients', { entity: 'campaign', id: record.id }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setRecipients(result.value);
        setError(null);
      } else setError({ key: 'recipients.loadFailed', params: { message: result.error } });
    });
    return () => {
      current = false;
    };
  }, [record]);

  async function save() {
    setSaving(true);
    setSaved(null);
    const result = await callWithStepUp('campaigns.exportRecipients', { entity: 'campaign', id: record.id, language });
    setSaving(false);
    if (!result.ok) {
      if (!isStepUpCancelled(result.error)) setSaved({ key: 'recipients.saveFailed', params: { message: result.error } });
      return;
    }
    saveTextFile(result.value.fileName, result.value.csv, 'text/csv');
    const { count, fileName } = result.value;
    setSaved(count === 1 ? { key: 'recipients.savedOne', params: { fileName } } : { key: 'recipients.saved', params: { count: formatCount(count, language), fileName } });
  }

  const count = (n: number) => formatCount(n, language);
  /** Who may receive it; for no one, whether anyone consented at all (the list below says who is left out). */
  const reachSentence = ({ recipients: n, leftOut }: Recipients, purpose: string) => {
    if (n === 1) return t('recipients.countOne', { purpose });
    if (n > 1) return t('recipients.count', { count: count(n), purpose });
    const consented = leftOut.restricted + leftOut.objected + leftOut.unreachable > 0;
    return consented ? t('recipients.countNone') : `${t('recipients.countNone')} ${t('recipients.noneConsented', { purpose })}`;
  };
  const mayPublish = rights.hasTask('marketing.publish');
  const published = record.values.status === 'published';
  const leftOut = recipients ? leftOutReasons(recipients.channel).filter(({ reason }) => recipients.leftOut[reason] > 0) : [];

  return (
    <section className="panel" aria-labelledby="campaign-recipients-title">
      <h3 id="campaign-recipients-title">{t('recipients.title')}</h3>
      {error && <Notice tone="error">{t(error.key, error.params)}</Notice>}
      {recipients && !recipients.addressed && <p>{t('recipients.notAddressed')}</p>}
      {recipients?.addressed && (
        <>
          {recipients.purpose === null ? <p>{t('recipients.noPurpose')}</p> : <p>{reachSentence(recipients, recipients.purpose)}</p>}
          {leftOut.length > 0 && (
            <>
              <p>{t('recipients.leftOut')}</p>
              <ul>
                {leftOut.map(({ reason, one, many }) => (
                  <li key={reason}>{recipients.leftOut[reason] === 1 ? t(one) : t(many, { count: count(recipients.leftOut[reason]) })}</li>
                ))}
              </ul>
            </>
          )}
          {/* Where the purpose finds no one (or there is none yet): the purposes people consented to, as written. */}
          {recipients.recipients === 0 && recipients.purposes.length > 0 && (
            <p>
              {t('recipients.purposes', {
                purposes: new Intl.ListFormat(language, { type: 'unit' }).format(recipients.purposes.map((p) => `“${p.purpose}” (${count(p.people)})`)),
              })}
            </p>
          )}
          {mayPublish && !published && <p className="field-hint">{t('recipients.afterPublishing')}</p>}
          {!mayPublish && <p className="field-hint">{t('recipients.byPublisher')}</p>}
          {mayPublish && published && recipients.recipients > 0 && (
            <BusyButton className="button-quiet" busy={saving} onClick={() => void save()}>
              {saving ? t('recipients.saving') : t('recipients.save')}
            </BusyButton>
          )}
          {saved && <Notice tone={saved.key === 'recipients.saveFailed' ? 'error' : 'info'}>{t(saved.key, saved.params)}</Notice>}
        </>
      )}
    </section>
  );
}
