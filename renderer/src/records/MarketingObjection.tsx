/**
 * A person's objection to direct marketing (GDPR art. 21(2)-(3)) on their page: once they objected,
 * their data is never again used for it, so everyone who opens the page reads it first, before a
 * campaign or a mailing takes them along. The day is an ordinary field of the person (set and
 * corrected in the form, undone as any edit); the privacy officer, who edits no one, records it with
 * "Record objection to direct marketing" (privacy.recordObjection).
 */
import { useEffect, useRef, useState } from 'react';
import type { RecordView } from '../../../shared/recordTypes';
import { longDay } from '../../../shared/localDay';
import { isMasked } from '../access/RevealButton';
import { call } from '../api';
import { Notice } from '../components/Notice';
import { useI18n } from '../i18n/I18nProvider';
import { DayAction } from './DayAction';

interface Props {
  record: RecordView;
  /** The caller records it by the officer's action: they have the task and may not edit the person. */
  mayRecord: boolean;
  disabled: boolean;
  onRecorded: () => void;
}

export function MarketingObjection({ record, mayRecord, disabled, onRecorded }: Props) {
  const { t, language } = useI18n();
  const noticeRef = useRef<HTMLDivElement>(null);
  const [recorded, setRecorded] = useState(false);
  const day = record.values.marketing_objection_on;
  const objected = typeof day === 'string' && day !== '' && !isMasked(day);

  useEffect(() => {
    if (recorded && objected) noticeRef.current?.focus();
  }, [recorded, objected]);

  if (objected) {
    return (
      <div ref={noticeRef} tabIndex={-1}>
        <Notice tone="warning">
          <strong>{t('objection.title', { date: longDay(day, language) })}</strong> {t('objection.effect')}
        </Notice>
      </div>
    );
  }
  // Not offered where the day is not there to read (masked, switched off): the core would refuse.
  if (!mayRecord || !('marketing_objection_on' in record.values)) return null;
  return (
    <DayAction
      label={t('objection.record')}
      dayLabel={t('objection.day')}
      hint={t('objection.hint')}
      disabled={disabled}
      failedKey="objection.failed"
      className="objection-record"
      record={(objectedOn) => call('privacy.recordObjection', { entity: 'contact', id: record.id, day: objectedOn })}
      onRecorded={() => {
        setRecorded(true);
        onRecorded();
      }}
    />
  );
}
