/**
 * Export of a whole list as CSV: shown only with the task `data.export` and an export scope on the
 * kind of record, and sent with step-up (the core asks for a fresh code). The file is written in
 * the app's language: its headers and labels, and the separators a spreadsheet expects with it.
 * The core reads a long list in batches: the button shows how far it is, and Cancel stops it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { SecuredEntity } from '../../../shared/access';
import { ENTITIES } from '../../../shared/registry';
import { call, onEvent } from '../api';
import { BusyButton } from '../components/BusyButton';
import { Notice } from '../components/Notice';
import { formatCount } from '../format';
import { newJobId } from '../jobId';
import { saveTextFile } from '../saveFile';
import { isStepUpCancelled, useStepUp } from '../stepUp';
import { useRights, type Rights } from '../records/rights';
import type { Language } from '../i18n/translate';
import { useAccessText, type AccessMessage, type AccessParams } from './strings';

export function canExport(rights: Rights, entity: SecuredEntity): boolean {
  return rights.hasTask('data.export') && rights.can(entity, 'export');
}

/**
 * Counts grouped as the progress line and the list's total show them ("3,994", "3.994"): the
 * message templates alone group only from 10,000 on. Done when shown, so a language switch regroups.
 */
function groupedCounts(params: AccessParams | undefined, language: Language): AccessParams | undefined {
  if (!params) return params;
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'number' ? formatCount(value, language) : value]));
}

/**
 * The kind exported, as the messages name it: "contactpersonen", or "contactpersoon" for one.
 * Worded when shown, like the counts, so a language switch rewords it.
 */
function kindWord(entity: SecuredEntity, count: number, language: Language): string {
  const label = ENTITIES[entity].label;
  return (count === 1 ? label.singular : label.plural)[language].toLowerCase();
}

/** A list's filter, as records.list takes it: the export holds what the list shows. */
export interface ExportFilter {
  where?: Record<string, string | number | boolean> | undefined;
  mine?: boolean | undefined;
}

export function ExportButton({ entity, filter }: { entity: SecuredEntity; filter?: ExportFilter | undefined }) {
  const { a, language } = useAccessText();
  const rights = useRights();
  const { callWithStepUp } = useStepUp();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [cancelling, setCancelling] = useState(false);
  // `restricted`: how many people the export left out because their processing is restricted.
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: AccessMessage; restricted?: number } | null>(null);
  const jobRef = useRef<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const progressRef = useRef<HTMLSpanElement>(null);

  // Progress of our own run only; another window may export at the same time.
  useEffect(
    () =>
      onEvent('export.progress', (payload) => {
        if (payload.jobId === jobRef.current) setProgress({ done: payload.done, total: payload.total });
      }),
    [],
  );

  if (!canExport(rights, entity)) return null;

  async function run() {
    const jobId = newJobId();
    jobRef.current = jobId;
    setBusy(true);
    setCancelling(false);
    setProgress(null);
    setMessage(null);
    const narrowed = filter !== undefined && (Object.keys(filter.where ?? {}).length > 0 || filter.mine === true);
    const result = await callWithStepUp('records.export', { entity, language, jobId, ...(narrowed ? { where: filter.where ?? {}, mine: filter.mine === true } : {}) });
    jobRef.current = null;
    // Cancel leaves with the progress line: whoever pressed it goes back to Export, not to <body>.
    if (progressRef.current?.contains(document.activeElement)) buttonRef.current?.focus();
    setBusy(false);
    if (!result.ok) {
      if (!isStepUpCancelled(result.error)) setMessage({ tone: 'error', text: { key: 'export.failed', params: { message: result.error } } });
      return;
    }
    const { cancelled, count, fileName, csv, restricted } = result.value;
    if (cancelled) {
      setMessage({ tone: 'info', text: { key: 'export.cancelled' } });
      return;
    }
    saveTextFile(fileName, csv, 'text/csv');
    const done = narrowed ? (count === 1 ? 'export.doneFilteredOne' : 'export.doneFiltered') : count === 1 ? 'export.doneOne' : 'export.done';
    setMessage({ tone: 'info', text: { key: done, params: count === 1 ? { fileName } : { count, fileName } }, restricted });
  }

  async function cancel() {
    const jobId = jobRef.current;
    if (jobId === null) return;
    setCancelling(true);
    const result = await call('export.cancel', { jobId });
    if (!result.ok) setMessage({ tone: 'error', text: { key: 'export.cancelFailed', params: { message: result.error } } });
  }

  return (
    <>
      <BusyButton ref={buttonRef} className="button-quiet" onClick={() => void run()} busy={busy}>
        {busy ? a('export.working') : a('export.button')}
      </BusyButton>
      {((busy && progress) || message) && (
        <div className="export-status">
          {busy && progress && (
            <span ref={progressRef} className="export-progress">
              <label htmlFor={`${id}-progress`}>{a('export.progress')}</label>
              <progress id={`${id}-progress`} className="progress" max={progress.total || undefined} value={progress.done} />
              <span role="status">
                {progress.total === 1
                  ? a('export.progressTextOne', { done: formatCount(progress.done, language), what: kindWord(entity, 1, language) })
                  : a('export.progressText', { done: formatCount(progress.done, language), total: formatCount(progress.total, language), what: kindWord(entity, 2, language) })}
              </span>
              <BusyButton className="button-quiet" busy={cancelling} onClick={() => void cancel()}>
                {cancelling ? a('export.cancelling') : a('export.cancel')}
              </BusyButton>
            </span>
          )}
          {message && (
            <Notice tone={message.tone}>
              {a(message.text.key, { ...groupedCounts(message.text.params, language), what: kindWord(entity, message.text.key === 'export.doneOne' || message.text.key === 'export.doneFilteredOne' ? 1 : 2, language) })}
              {message.restricted === 1 && ` ${a('export.restrictedOne')}`}
              {message.restricted !== undefined && message.restricted > 1 && ` ${a('export.restricted', { count: formatCount(message.restricted, language) })}`}
            </Notice>
          )}
        </div>
      )}
    </>
  );
}
