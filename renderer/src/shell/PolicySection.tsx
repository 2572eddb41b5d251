/**
 * The install's security policy: after how many idle minutes Kluis locks itself, whether unlocking
 * also needs a code, how long deleted records stay in the trash, and from how many records a
 * deletion asks to type the number (DESIGN §7). A policy change is sensitive, so saving may ask
 * for a fresh code.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { Policy } from '../../../shared/api';
import type { ApiError } from '../../../shared/errors';
import { call } from '../api';
import { BusyButton } from '../components/BusyButton';
import { CheckboxField } from '../components/CheckboxField';
import { Notice } from '../components/Notice';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/en';
import type { Message } from '../i18n/translate';
import { isStepUpCancelled, useStepUp } from '../stepUp';

const MAX_MINUTES = 24 * 60;
/** The bounds the core's policy.update accepts. */
const RETENTION_DAYS = { min: 1, max: 3_650 };
const BULK_THRESHOLD = { min: 2, max: 1_000 };

type Loaded = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready' };

/** A whole number as typed, or null when it is not one within the bounds. */
function parseWhole(text: string, { min, max }: { min: number; max: number }): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

export function PolicySection({ onSaved }: { onSaved: () => void }) {
  const { t } = useI18n();
  const { callWithStepUp } = useStepUp();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [minutes, setMinutes] = useState('');
  const [unlockRequiresCode, setUnlockRequiresCode] = useState(false);
  const [retentionDays, setRetentionDays] = useState('');
  const [bulkThreshold, setBulkThreshold] = useState('');
  // Kept by key, so a message on screen follows a language switch.
  const [minutesError, setMinutesError] = useState<MessageKey | null>(null);
  const [retentionError, setRetentionError] = useState<MessageKey | null>(null);
  const [thresholdError, setThresholdError] = useState<MessageKey | null>(null);
  const [formError, setFormError] = useState<Message | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const minutesRef = useRef<HTMLInputElement>(null);
  const retentionRef = useRef<HTMLInputElement>(null);
  const thresholdRef = useRef<HTMLInputElement>(null);

  function show(policy: Policy) {
    // The policy is kept in seconds; a value below a minute (tests set one) shows as 1.
    setMinutes(String(Math.max(1, Math.round(policy.idleLockSeconds / 60))));
    setUnlockRequiresCode(policy.unlockRequiresCode);
    setRetentionDays(String(policy.trashRetentionDays));
    setBulkThreshold(String(policy.bulkConfirmThreshold));
  }

  useEffect(() => {
    let current = true;
    void call('policy.get', {}).then((result) => {
      if (!current) return;
      if (result.ok) {
        show(result.value);
        setLoaded({ kind: 'ready' });
      } else setLoaded({ kind: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    setSaved(false);
    const parsed = parseWhole(minutes, { min: 1, max: MAX_MINUTES });
    const days = parseWhole(retentionDays, RETENTION_DAYS);
    const threshold = parseWhole(bulkThreshold, BULK_THRESHOLD);
    flushSync(() => {
      setMinutesError(parsed === null ? 'policy.idleInvalid' : null);
      setRetentionError(days === null ? 'policy.trashDaysInvalid' : null);
      setThresholdError(threshold === null ? 'policy.bulkThresholdInvalid' : null);
    });
    // The first field that is wrong takes focus, so its message is read out.
    const wrong = parsed === null ? minutesRef : days === null ? retentionRef : threshold === null ? thresholdRef : null;
    if (parsed === null || days === null || threshold === null) {
      wrong?.current?.focus();
      return;
    }
    setBusy(true);
    const result = await callWithStepUp('policy.update', {
      idleLockSeconds: parsed * 60,
      unlockRequiresCode,
      trashRetentionDays: days,
      bulkConfirmThreshold: threshold,
    });
    flushSync(() => {
      setBusy(false);
      if (result.ok) {
        show(result.value);
        setSaved(true);
      } else if (!isStepUpCancelled(result.error)) setFormError({ key: 'policy.failed', params: { message: result.error } });
    });
    if (result.ok) onSaved();
  }

  return (
    <section className="panel" aria-labelledby="policy-title">
      <h3 id="policy-title">{t('policy.title')}</h3>
      {loaded.kind === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {loaded.kind === 'failed' && <Notice tone="error">{t('policy.loadFailed', { message: loaded.error })}</Notice>}
      {loaded.kind === 'ready' && (
        <>
          {saved && <Notice tone="info">{t('policy.saved')}</Notice>}
          {formError && <Notice tone="error">{t(formError.key, formError.params)}</Notice>}
          <form onSubmit={submit} noValidate aria-busy={busy} className="narrow-form">
            <TextField
              ref={minutesRef}
              label={t('policy.idleMinutes')}
              hint={t('policy.idleHint')}
              name="idleMinutes"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_MINUTES}
              step={1}
              required
              readOnly={busy}
              value={minutes}
              error={minutesError ? t(minutesError) : undefined}
              onChange={(event) => {
                setMinutes(event.currentTarget.value);
                setMinutesError(null);
              }}
            />
            <TextField
              ref={retentionRef}
              label={t('policy.trashDays')}
              hint={t('policy.trashDaysHint')}
              name="trashRetentionDays"
              type="number"
              inputMode="numeric"
              min={RETENTION_DAYS.min}
              max={RETENTION_DAYS.max}
              step={1}
              required
              readOnly={busy}
              value={retentionDays}
              error={retentionError ? t(retentionError) : undefined}
              onChange={(event) => {
                setRetentionDays(event.currentTarget.value);
                setRetentionError(null);
              }}
            />
            <TextField
              ref={thresholdRef}
              label={t('policy.bulkThreshold')}
              hint={t('policy.bulkThresholdHint')}
              name="bulkConfirmThreshold"
              type="number"
              inputMode="numeric"
              min={BULK_THRESHOLD.min}
              max={BULK_THRESHOLD.max}
              step={1}
              required
              readOnly={busy}
              value={bulkThreshold}
              error={thresholdError ? t(thresholdError) : undefined}
              onChange={(event) => {
                setBulkThreshold(event.currentTarget.value);
                setThresholdError(null);
              }}
            />
            <CheckboxField
              label={t('policy.unlockCode')}
              name="unlockRequiresCode"
              disabled={busy}
              checked={unlockRequiresCode}
              onChange={(event) => setUnlockRequiresCode(event.currentTarget.checked)}
            />
            <BusyButton type="submit" className="button-primary" busy={busy}>
              {busy ? t('policy.saving') : t('policy.save')}
            </BusyButton>
          </form>
        </>
      )}
    </section>
  );
}
