/**
 * The one toast of the shell: a polite live region that is always in the page (a region added
 * together with its text is often not read out), holding the latest message about a deletion,
 * undo, redo or restore, with the action that fits: Undo, Redo, Open the record. It stays until
 * the user dismisses it or a newer one replaces it, so nobody has to be quick to read or use it.
 * Only the message is live: the buttons beside it would be read out with it ("…moved to trash
 * Undo Dismiss"). The whole is a named region, for a screen reader to jump to.
 */
import { useEffect, useRef, type Ref } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { titleOf } from '../records/display';
import { routeKey, useNavigation } from '../records/navigation';
import { openableRecord, toastText, type ToastContent } from './words';
import { focusPageHeading } from '../components/BusyButton';

interface ToastProps {
  ref: Ref<HTMLDivElement>;
  toast: { content: ToastContent; serial: number; takeFocus: boolean } | null;
  busy: boolean;
  /** Undo or redo, but only when that reaches the command the toast is about. */
  onFollowUp: (direction: 'undo' | 'redo', commandId: number) => void;
  onDismiss: () => void;
}

/** Which of Undo and Redo fits, for which command: after an undo, Redo; after anything undoable, Undo. */
function followUp(content: ToastContent): { direction: 'undo' | 'redo'; commandId: number } | null {
  if (content.kind === 'deleted') return content.mode === 'trash' ? { direction: 'undo', commandId: content.commandId } : null;
  if (content.kind === 'result') return { direction: content.action === 'undo' ? 'redo' : 'undo', commandId: content.result.command.id };
  return null;
}

export function Toast({ ref, toast, busy, onFollowUp, onDismiss }: ToastProps) {
  const { t, language } = useI18n();
  const { go, route } = useNavigation();
  const bodyRef = useRef<HTMLDivElement>(null);

  // A user who acted in the toast stays in it when its message changes under their focus.
  useEffect(() => {
    if (!toast?.takeFocus) return;
    const body = bodyRef.current;
    (body?.querySelector<HTMLElement>('button') ?? body)?.focus();
  }, [toast?.serial, toast?.takeFocus]);

  const content = toast?.content;
  // A refusal ("Not undone: …") is about the page it came on: it goes when the user moves on, where
  // a toast that offers Undo, Redo or Open stays until the next step (HistoryProvider).
  const where = routeKey(route);
  const refusedAt = useRef<string | null>(null);
  useEffect(() => {
    refusedAt.current = content && (content.kind === 'failed' || content.kind === 'stale') ? where : null;
    // Only when a new toast is shown, on the page it is shown on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [toast?.serial]);
  useEffect(() => {
    if (refusedAt.current === null || refusedAt.current === where) return;
    refusedAt.current = null;
    onDismiss();
  }, [where, onDismiss]);

  const named = content ? openableRecord(content) : null;
  // No "Open Jan Jansen" on Jan Jansen's own page: it would only put the same page in Back twice.
  const here = named !== null && route.page === 'record' && route.entity === named.entity && route.id === named.id;
  const record = here ? null : named;
  const next = content ? followUp(content) : null;

  function dismiss() {
    const hadFocus = bodyRef.current?.contains(document.activeElement) ?? false;
    onDismiss();
    // Focus must not fall to nowhere: the page's heading is where the user is.
    if (hadFocus) focusPageHeading();
  }

  return (
    <section ref={ref} aria-label={t('toast.region')} className="toast-region">
      <div ref={bodyRef} tabIndex={-1} className={!content ? undefined : content.kind === 'failed' || content.kind === 'stale' ? 'toast toast-error' : 'toast'}>
        <p role="status" className="toast-text">
          {content && toastText(content, t, language)}
        </p>
        {content && (
          <div className="toast-actions">
            {record && (
              <button type="button" className="button-small" onClick={() => go({ page: 'record', entity: record.entity, id: record.id })}>
                {t('toast.open', { title: titleOf(record, t) })}
              </button>
            )}
            {content.kind === 'stale' && (
              <button type="button" className="button-small" onClick={() => go({ page: 'history' })}>
                {t('toast.openHistory')}
              </button>
            )}
            {next && (
              <button type="button" className="button-small" disabled={busy} onClick={() => onFollowUp(next.direction, next.commandId)}>
                {next.direction === 'undo' ? t('toast.undo') : t('toast.redo')}
              </button>
            )}
            <button type="button" className="button-small toast-dismiss" onClick={dismiss}>
              {t('toast.dismiss')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
