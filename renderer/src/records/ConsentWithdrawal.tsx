/**
 * A consent's state on its page: withdrawn (since when), or, for whoever may record it, "Record
 * withdrawal" (GDPR art. 7(3)). The form asks for the day, today unless the person withdrew
 * earlier; the browser keeps it between the day consent was given and today, and the core checks
 * the same and says why next to the field. The consent is kept; one Ctrl+Z takes the record back.
 */
import { useEffect, useRef, useState } from 'react';
import type { RecordView } from '../../../shared/recordTypes';
import { call } from '../api';
import { Notice } from '../components/Notice';
import { longDay } from '../../../shared/localDay';
import { useI18n } from '../i18n/I18nProvider';
import { DayAction } from './DayAction';

interface Props {
  record: RecordView;
  /** The caller may update this consent and edit its day of withdrawal (the core checks again). */
  mayRecord: boolean;
  disabled: boolean;
  onRecorded: () => void;
}

export function ConsentWithdrawal({ record, mayRecord, disabled, onRecorded }: Props) {
  const { t, language } = useI18n();
  const noticeRef = useRef<HTMLDivElement>(null);
  // Set when this page recorded the withdrawal: the focus then goes to what says it is done, not to
  // the page's body (the form that had it is gone).
  const [recorded, setRecorded] = useState(false);
  const withdrawnAt = record.values.withdrawn_at;
  const givenAt = typeof record.values.given_at === 'string' ? record.values.given_at : undefined;
  const isWithdrawn = typeof withdrawnAt === 'string' && withdrawnAt !== '';

  useEffect(() => {
    if (recorded && isWithdrawn) noticeRef.current?.focus();
  }, [recorded, isWithdrawn]);

  if (isWithdrawn) {
    return (
      <div ref={noticeRef} tabIndex={-1}>
        <Notice tone="info">{t('consent.withdrawnOn', { date: longDay(withdrawnAt, language) })}</Notice>
      </div>
    );
  }
  if (!mayRecord) return null;
  return (
    <DayAction
      label={t('consent.recordWithdrawal')}
      dayLabel={t('consent.withdrawalDay')}
      hint={t('consent.withdrawalHint')}
      min={givenAt}
      disabled={disabled}
      failedKey="consent.withdrawalFailed"
      className="consent-withdrawal"
      record={(day) => call('consents.recordWithdrawal', { entity: 'consent', id: record.id, day })}
      onRecorded={() => {
        setRecorded(true);
        onRecorded();
      }}
    />
  );
}
