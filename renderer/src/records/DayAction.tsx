/**
 * A button that opens a small form asking for the day something happened, today unless the person
 * said so earlier, and records it: a withdrawal of consent, an objection to direct marketing. The
 * browser keeps the day between `min` and today; the core checks the same and says why next to the
 * field (its reason under `day`), and anything else above the form.
 */
import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { Result } from '../../../shared/errors';
import { fieldErrorsFrom } from '../api';
import { FormButtons } from '../components/FormButtons';
import { Notice } from '../components/Notice';
import { TextField } from '../components/TextField';
import { todayIso } from '../format';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/I18nProvider';
import type { Message, Reason } from '../i18n/translate';

interface Props {
  /** The button's text, the form's name and its Save. */
  label: string;
  dayLabel: string;
  hint: string;
  min?: string | undefined;
  disabled: boolean;
  /** "The withdrawal was not recorded: {message}" */
  failedKey: MessageKey;
  record: (day: string) => Promise<Result<unknown>>;
  onRecorded: () => void;
  className: string;
}

export function DayAction({ label, dayLabel, hint, min, disabled, failedKey, record, onRecorded, className }: Props) {
  const { t, reasonText } = useI18n();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(todayIso);
  const [dayError, setDayError] = useState<Reason | null>(null);
  const [failed, setFailed] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);

  const dayInput = () => formRef.current?.querySelector<HTMLInputElement>('input[type="date"]') ?? null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailed(null);
    const result = await record(day.trim());
    if (result.ok) {
      flushSync(() => {
        setBusy(false);
        setOpen(false);
      });
      onRecorded();
      return;
    }
    const reason = result.error.code === 'VALIDATION' ? fieldErrorsFrom(result.error.details).day : undefined;
    flushSync(() => {
      setBusy(false);
      if (reason !== undefined) setDayError(reason);
      else setFailed({ key: failedKey, params: { message: result.error } });
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
          {label}
        </button>
      </div>
    );
  }

  return (
    <form ref={formRef} className={`panel ${className}`} onSubmit={(event) => void submit(event)} noValidate aria-busy={busy} aria-label={label}>
      {failed && <Notice tone="error">{t(failed.key, failed.params)}</Notice>}
      <TextField
        label={dayLabel}
        hint={hint}
        type="date"
        value={day}
        max={todayIso()}
        min={min}
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
        submitLabel={label}
        busyLabel={t('consent.recording')}
        onCancel={() => {
          flushSync(() => setOpen(false));
          openRef.current?.focus();
        }}
      />
    </form>
  );
}
