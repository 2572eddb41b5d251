/**
 * A consent's state on its page: withdrawn (since when), or, for whoever may record it, "Record
 * withdrawal" (GDPR art. 7(3)). The form asks for the day, today unless the person withdrew
 * earlier; the browser keeps it between the day consent was given and today, and the core checks
 * the same and says why next to the field. The consent is kept; one Ctrl+Z takes the record back.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { RecordView } from '../../../shared/recordTypes';
import { call, fieldErrorsFrom } from '../api';
import { FormButtons } from '../components/FormButtons';
import { Notice } from '../components/Notice';
import { TextField } from '../components/TextField';
import { todayIso } from '../format';
import { longDay } from '../../../shared/localDay';
import { useI18n } from '../i18n/I18nProvider';
import type { Message, Reason } from '../i18n/translate';

interface Props {
  record: RecordView;
  /** The caller may update this consent and edit its day of withdrawal (the core checks again). */
  mayRecord: boolean;
  disabled: boolean;
  onRecorded: () => void;
}

export function ConsentWithdrawal({ record, mayRecord, disabled, onRecorded }: Props) {
  const { t, language, reasonText } = useI18n();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(todayIso);
  const [dayError, setDayError] = useState<Reason | null>(null);
  const [failed, setFailed] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
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

  const dayInput = () => formRef.current?.querySelector<HTMLInputElement>('input[type="date"]') ?? null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailed(null);
    const result = await call('consents.recordWithdrawal', { entity: 'consent', id: record.id, day: day.trim() });
    if (result.ok) {
      flushSync(() => {
        setBusy(false);
        setOpen(false);
        setRecorded(true);
      });
      onRecorded();
      return;
    }
    const reason = result.error.code === 'VALIDATION' ? fieldErrorsFrom(result.error.details).day : undefined;
    flushSync(() => {
      setBusy(false);
      if (reason !== undefined) setDayError(reason);
      else setFailed({ key: 'consent.withdrawalFailed', params: { message: result.error } });
    });
    if (reason !== undefined) dayInput()?.focus();
  }

  if (!open) {
    return (
      <div className="button-row">
        <button
          ref={openRef}
          type="button"
          className="button-quiet"
          disabled={disabled}
          onClick={() => {
            flushSync(() => {
              setDay(todayIso());
              setDayError(null);
              setFailed(null);
              setOpen(true);
            });
            dayInput()?.focus();
          }}
        >
          {t('consent.recordWithdrawal')}
        </button>
      </div>
    );
  }

  return (
    <form ref={formRef} className="panel consent-withdrawal" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy} aria-label={t('consent.recordWithdrawal')}>
      {failed && <Notice tone="error">{t(failed.key, failed.params)}</Notice>}
      <TextField
        label={t('consent.withdrawalDay')}
        hint={t('consent.withdrawalHint')}
        type="date"
        value={day}
        max={todayIso()}
        min={givenAt}
        required
        readOnly={busy}
        error={dayError === null ? undefined : reasonText(dayError)}
        onChange={(event) => {
          setDay(event.currentTarget.value);
          setDayError(null);
        }}
      />
      <FormButtons
        busy={busy}
        submitLabel={t('consent.recordWithdrawal')}
        busyLabel={t('consent.recording')}
        onCancel={() => {
          flushSync(() => setOpen(false));
          openRef.current?.focus();
        }}
      />
    </form>
  );
}
