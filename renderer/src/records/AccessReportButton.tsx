/**
 * "Access request (DSAR)" on a contact's page, for those with the task `privacy.dsar`: asks the
 * core for everything held about the person (GDPR art. 15; as JSON, art. 20), after a fresh code
 * when the core asks for one, and saves it as a file. The file is named for the day and the
 * record's id, not the person: a file name shows up in folders, recent-file lists and backups.
 */
import { useState } from 'react';
import type { RecordView } from '../../../shared/recordTypes';
import { Notice } from '../components/Notice';
import { todayIso } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import type { Message } from '../i18n/translate';
import { saveTextFile } from '../saveFile';
import { isStepUpCancelled, useStepUp } from '../stepUp';
import { useRights } from './rights';

export function accessReportFileName(generatedAt: string, contactId: number): string {
  return `access-request-${todayIso(new Date(generatedAt))}-contact-${contactId}.json`;
}

export function AccessReportButton({ record, disabled }: { record: RecordView; disabled: boolean }) {
  const { t } = useI18n();
  const rights = useRights();
  const { callWithStepUp } = useStepUp();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: Message } | null>(null);

  if (record.entity !== 'contact' || !rights.hasTask('privacy.dsar')) return null;

  async function run() {
    setBusy(true);
    setMessage(null);
    const result = await callWithStepUp('privacy.accessReport', { entity: 'contact', id: record.id });
    setBusy(false);
    if (!result.ok) {
      if (!isStepUpCancelled(result.error)) setMessage({ tone: 'error', text: { key: 'records.accessReportFailed', params: { message: result.error } } });
      return;
    }
    const fileName = accessReportFileName(result.value.generatedAt, record.id);
    saveTextFile(fileName, `${JSON.stringify(result.value, null, 2)}\n`, 'application/json');
    setMessage({ tone: 'info', text: { key: 'records.accessReportSaved', params: { file: fileName } } });
  }

  return (
    <>
      <button type="button" className="button-quiet" disabled={disabled || busy} onClick={() => void run()}>
        {busy ? t('records.accessReportWorking') : t('records.accessReport')}
      </button>
      {message && <Notice tone={message.tone}>{t(message.text.key, message.text.params)}</Notice>}
    </>
  );
}
