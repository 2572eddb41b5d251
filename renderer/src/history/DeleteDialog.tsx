/**
 * The graded delete confirmation (DESIGN §7). The core says how careful to be (records.deleteImpact):
 * `simple` asks once; `review` shows what goes with the records and what only loses its link, then
 * asks; `typed` shows that review, then asks to type the number (or the name) before the button
 * works. The button names the action ("Move 3 contacts to trash"), focus starts on Cancel, Escape
 * cancels, and Enter in the typing field confirms once what was asked is typed, as the button does
 * (it stays disabled until then). Erasure and permanent deletion say plainly that nothing brings
 * the data back; erasure also asks for a fresh code (step-up).
 *
 * The reviewed `total` goes back with the deletion: when more would go by now, the core refuses
 * (CONFLICT) and the dialog checks again, so nobody deletes more than they saw.
 */
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import type { ApiError } from '../../../shared/errors';
import type { DeleteImpact, DeleteMode, DeleteResult } from '../../../shared/historyTypes';
import { deleteButtonLabel } from '../../../shared/historyLabels';
import type { EntityName } from '../../../shared/registry';
import { call } from '../api';
import { formatCount } from '../format';
import { BusyButton } from '../components/BusyButton';
import { Modal } from '../components/Modal';
import { Notice } from '../components/Notice';
import { TextField } from '../components/TextField';
import { coreErrorText } from '../i18n/core';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/en';
import type { Message } from '../i18n/translate';
import { isStepUpCancelled, useStepUp } from '../stepUp';
import { ImpactSummary } from './ImpactSummary';
import { typedConfirms } from './typedConfirmation';
import { entityCount } from './words';

const TITLES: Record<DeleteMode, MessageKey> = {
  trash: 'delete.title.trash',
  purge: 'delete.title.purge',
  erase: 'delete.title.erase',
};

const TYPE_INTROS: Record<DeleteMode, MessageKey> = {
  trash: 'delete.typeIntro.trash',
  purge: 'delete.typeIntro.purge',
  erase: 'delete.typeIntro.erase',
};

interface DeleteDialogProps {
  entity: EntityName;
  ids: number[];
  mode: DeleteMode;
  /** The record's title when there is one, so the dialog is named before the impact arrives. */
  title?: string;
  onDone: (result: DeleteResult) => void;
  onCancel: () => void;
}

type Loaded = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready'; impact: DeleteImpact };

export function DeleteDialog({ entity, ids, mode, title, onDone, onCancel }: DeleteDialogProps) {
  const { t, language } = useI18n();
  const { callWithStepUp } = useStepUp();
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const typedRef = useRef<HTMLInputElement>(null);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [typing, setTyping] = useState(false);
  const [typed, setTyped] = useState('');
  // A confirmation tried with the wrong text: said under the field, so a press is never silent.
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Message | null>(null);
  const [changed, setChanged] = useState<Message | null>(null);

  // The selection by value: a caller that passes a new array with the same ids asks nothing new.
  const idsKey = ids.join(',');
  const askImpact = useCallback(
    () => call('records.deleteImpact', { entity, ids: idsKey.split(',').map(Number), mode }),
    [entity, idsKey, mode],
  );
  const check = useCallback(async () => {
    const result = await askImpact();
    setLoaded(result.ok ? { kind: 'ready', impact: result.value } : { kind: 'failed', error: result.error });
  }, [askImpact]);

  useEffect(() => {
    let current = true;
    void askImpact().then((result) => {
      if (current) setLoaded(result.ok ? { kind: 'ready', impact: result.value } : { kind: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [askImpact]);

  const impact = loaded.kind === 'ready' ? loaded.impact : null;
  // One record by its name, several by their number: "Delete Jan Jansen?", "Delete 25 contacts?".
  const single = ids.length === 1 ? (title ?? impact?.titles[0]) : undefined;
  const what = single || entityCount(entity, ids.length, language);
  const confirmLabel = deleteButtonLabel(mode, entity, ids.length, language);
  const needsTyping = impact?.level === 'typed' && impact.typeToConfirm !== null;
  // What was asked, as typed on purpose: spaces around it, any run of white space inside it as one
  // space (the label below shows the name with its spaces collapsed) and a number's digit grouping
  // ("1.000") are forgiven, nothing else — no case folding, no part of a name.
  const typedRight =
    !needsTyping || (impact.typeToConfirm !== null && typedConfirms(typed, impact.typeToConfirm, impact.count === 1 ? 'name' : 'count'));

  async function confirm() {
    if (!impact || busy || impact.blockers.length > 0) return;
    if (needsTyping && !typing) {
      flushSync(() => setTyping(true));
      typedRef.current?.focus();
      return;
    }
    if (!typedRight) {
      setMismatch(true);
      typedRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setChanged(null);
    const reviewedTotal = impact.total;
    const result =
      mode === 'trash'
        ? await call('records.delete', { entity, ids, reviewedTotal })
        : mode === 'purge'
          ? await callWithStepUp('trash.purge', { entity, ids, reviewedTotal })
          : await callWithStepUp('privacy.erase', { entity: 'contact', id: ids[0] ?? 0, reviewedTotal });
    setBusy(false);
    if (result.ok) {
      onDone(result.value);
      return;
    }
    if (isStepUpCancelled(result.error)) return;
    if (result.error.code === 'CONFLICT') {
      // More would go now than the user reviewed: show the new impact and ask again from the start.
      setChanged({ key: 'delete.changed', params: { message: result.error } });
      setTyping(false);
      setTyped('');
      setMismatch(false);
      await check();
      cancelRef.current?.focus();
      return;
    }
    setError({ key: 'records.deleteFailed', params: { message: result.error } });
  }

  // Once the deletion is on its way, its answer must be heard: no cancelling half-way.
  function cancel() {
    if (!busy) onCancel();
  }

  function onTypedKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Typing is the confirmation, so Enter does what the button does: until the text is right, it says what to type.
    // A held-down Enter (from the Continue button, say) and an input method's Enter confirm nothing.
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (!event.repeat) void confirm();
  }

  const textId = `${id}-text`;
  const reviewNext = needsTyping && !typing;
  // The core refuses a permanent deletion that records kept for the bookkeeping still point to.
  const blocked = impact !== null && impact.blockers.length > 0;

  return (
    <Modal labelledBy={`${id}-title`} describedBy={textId} onCancel={cancel} initialFocus={cancelRef} size={impact && impact.level !== 'simple' ? 'wide' : 'normal'}>
      <h2 id={`${id}-title`}>{t(TITLES[mode], { what })}</h2>
      {loaded.kind === 'loading' && (
        <p id={textId} className="muted">
          {t('delete.checking')}
        </p>
      )}
      {loaded.kind === 'failed' && (
        <div id={textId}>
          {/* A refusal with its reason (a record kept by law) is the answer; anything else is a failure to check. */}
          <Notice tone="error">
            {loaded.error.code === 'CONFLICT' ? coreErrorText(loaded.error, language) : t('delete.impactFailed', { message: loaded.error })}
            {/* One of several refused whole (a restricted person, a record the law keeps): the way on is to leave it out. */}
            {loaded.error.code === 'CONFLICT' && ids.length > 1 && ` ${t('delete.leaveOut')}`}
          </Notice>
        </div>
      )}
      {changed && <Notice tone="warning">{t(changed.key, changed.params)}</Notice>}
      {impact && !typing && <ImpactSummary impact={impact} textId={textId} />}
      {impact && typing && (
        <p id={textId}>
          {t(mode === 'purge' && impact.total === 1 ? 'delete.typeIntro.purgeOne' : TYPE_INTROS[mode], { count: formatCount(impact.total, language), what })}
        </p>
      )}
      {blocked && <Notice tone="warning">{t('delete.blocked')}</Notice>}
      {impact && !blocked && !impact.undoable && <Notice tone="warning">{t('delete.cannotUndo')}</Notice>}
      {impact && typing && needsTyping && (
        <TextField
          ref={typedRef}
          label={t('delete.typeLabel', { text: impact.typeToConfirm ?? '' })}
          autoComplete="off"
          spellCheck={false}
          readOnly={busy}
          value={typed}
          error={mismatch ? t('delete.typeMismatch', { text: impact.typeToConfirm ?? '' }) : undefined}
          onChange={(event) => {
            setTyped(event.currentTarget.value);
            setMismatch(false);
          }}
          onKeyDown={onTypedKeyDown}
        />
      )}
      {error && <Notice tone="error">{t(error.key, error.params)}</Notice>}
      <div className="button-row">
        {impact &&
          !blocked &&
          (reviewNext ? (
            <button type="button" className="button-primary" onClick={() => void confirm()}>
              {t('delete.continue')}
            </button>
          ) : (
            // Unavailable until the text is right, yet in the Tab order: a press then says what to type.
            <BusyButton className="button-danger" busy={busy} aria-disabled={!typedRight || undefined} onClick={() => void confirm()}>
              {busy ? t('delete.working') : confirmLabel}
            </BusyButton>
          ))}
        <button ref={cancelRef} type="button" className="button-quiet" disabled={busy} onClick={cancel}>
          {t('common.cancel')}
        </button>
      </div>
    </Modal>
  );
}
