/**
 * A person's restriction of processing (GDPR art. 18) on their page. While it stands, everyone who
 * opens the page reads that the data is kept as it is, since when, and on which ground (for whoever
 * may read the ground); the core refuses changes, deletion and export meanwhile. The privacy officer
 * restricts ("Restrict processing", a ground to choose) and lifts it (asked first: the person is to
 * be told before, art. 18(3)). Each is one command: Ctrl+Z takes it back.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { RESTRICTION_GROUNDS, fieldDef } from '../../../shared/registry';
import type { Result } from '../../../shared/errors';
import type { RecordView } from '../../../shared/recordTypes';
import { isMasked } from '../access/RevealButton';
import { call } from '../api';
import { BusyButton } from '../components/BusyButton';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormButtons } from '../components/FormButtons';
import { Notice } from '../components/Notice';
import { longDay } from '../../../shared/localDay';
import { useI18n } from '../i18n/I18nProvider';
import type { Message } from '../i18n/translate';

/** The fields the restriction is kept in: shown as this notice, not among the person's details. */
export const RESTRICTION_KEYS: ReadonlySet<string> = new Set(['restricted_since', 'restriction_ground']);

type RestrictionGround = (typeof RESTRICTION_GROUNDS)[number];

/** Whether the person's processing is restricted, as far as the caller may see the day. */
export function isRestricted(record: RecordView): boolean {
  const since = record.values.restricted_since;
  return typeof since === 'string' && since !== '';
}

interface Props {
  record: RecordView;
  /** The caller holds the privacy task that restricts and lifts (the core checks again). */
  mayChange: boolean;
  disabled: boolean;
  onChanged: () => void;
}

export function ProcessingRestriction({ record, mayChange, disabled, onChanged }: Props) {
  const { t, language } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [ground, setGround] = useState<RestrictionGround | null>(null);
  const [groundMissing, setGroundMissing] = useState(false);
  const [lifting, setLifting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<Message | null>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  // What this page just did: once the page shows it, the keyboard goes to what took the pressed
  // button's place (the notice after restricting, "Restrict processing" after lifting).
  const [done, setDone] = useState<'restricted' | 'lifted' | null>(null);
  const since = String(record.values.restricted_since ?? '');
  const restricted = isRestricted(record);
  const groundValue = record.values.restriction_ground;
  const groundField = fieldDef('contact', 'restriction_ground');
  const groundText = (value: string) => groundField?.optionLabels?.[value]?.[language] ?? value;
  const focusFirstGround = () => formRef.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();

  useEffect(() => {
    if (done === 'restricted' && restricted) noticeRef.current?.focus();
    if (done === 'lifted' && !restricted) openRef.current?.focus();
  }, [done, restricted]);

  async function change(what: 'restricted' | 'lifted', run: () => Promise<Result<RecordView>>) {
    setBusy(true);
    setFailed(null);
    const result = await run();
    flushSync(() => {
      setBusy(false);
      setLifting(false);
      if (result.ok) {
        setOpen(false);
        setDone(what);
      } else setFailed({ key: 'restriction.failed', params: { message: result.error } });
    });
    if (result.ok) onChanged();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (ground === null) {
      setGroundMissing(true);
      focusFirstGround();
      return;
    }
    void change('restricted', () => call('privacy.restrict', { entity: 'contact', id: record.id, ground }));
  }

  const failure = failed && <Notice tone="error">{t(failed.key, failed.params)}</Notice>;

  if (restricted) {
    return (
      <>
        {failure}
        <div ref={noticeRef} tabIndex={-1}>
          <Notice tone="warning">
            <strong>{t('restriction.title', { date: longDay(since, language) })}</strong>{' '}
            {typeof groundValue === 'string' && groundValue !== '' && !isMasked(groundValue) && `${t('restriction.ground', { ground: groundText(groundValue) })} `}
            {t('restriction.effect')}
            {/* Only where the person contests a value: the way to its correction. */}
            {groundValue === 'accuracyContested' && ` ${t('restriction.contested')}`}
          </Notice>
        </div>
        {mayChange && (
          <div className="button-row">
            <BusyButton className="button-quiet" busy={busy} disabled={disabled} onClick={() => setLifting(true)}>
              {t('restriction.lift')}
            </BusyButton>
          </div>
        )}
        {lifting && (
          <ConfirmDialog
            title={t('restriction.liftTitle', { name: record.title })}
            text={t('restriction.liftText')}
            confirmLabel={t('restriction.lift')}
            onConfirm={() => void change('lifted', () => call('privacy.liftRestriction', { entity: 'contact', id: record.id }))}
            onCancel={() => setLifting(false)}
          />
        )}
      </>
    );
  }
  if (!mayChange) return null;

  if (!open) {
    return (
      <>
        {failure}
        {done === 'lifted' && <Notice tone="info">{t('restriction.lifted')}</Notice>}
        <div className="button-row">
          <button
            ref={openRef}
            type="button"
            className="button-quiet"
            disabled={disabled}
            onClick={() => {
              flushSync(() => {
                setGround(null);
                setGroundMissing(false);
                setFailed(null);
                setOpen(true);
              });
              focusFirstGround();
            }}
          >
            {t('restriction.restrict')}
          </button>
        </div>
      </>
    );
  }

  return (
    <form ref={formRef} className="panel restriction-form" onSubmit={submit} noValidate aria-busy={busy} aria-label={t('restriction.restrict')}>
      {failure}
      <p id={`${id}-intro`}>{t('restriction.intro')}</p>
      <fieldset className="radio-group" aria-describedby={groundMissing ? `${id}-missing` : undefined} aria-invalid={groundMissing || undefined}>
        <legend>{t('restriction.groundLegend')}</legend>
        {RESTRICTION_GROUNDS.map((option) => (
          <label key={option} className="radio">
            <input
              type="radio"
              name={`${id}-ground`}
              value={option}
              checked={ground === option}
              disabled={busy}
              onChange={() => {
                setGround(option);
                setGroundMissing(false);
              }}
            />
            {groundText(option)}
          </label>
        ))}
        {groundMissing && (
          <p id={`${id}-missing`} className="field-error">
            {t('restriction.groundMissing')}
          </p>
        )}
      </fieldset>
      <FormButtons
        busy={busy}
        submitLabel={t('restriction.restrict')}
        busyLabel={t('restriction.restricting')}
        onCancel={() => {
          flushSync(() => setOpen(false));
          openRef.current?.focus();
        }}
      />
    </form>
  );
}
