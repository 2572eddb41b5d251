/**
 * The trash: what was deleted, newest first, by whom and when, and how many records went with it.
 * Restore brings a record back with everything that went with it (and is itself undoable); ticked
 * records, of any kinds, come back together as one command, so one undo sends them all back (at
 * most TRASH_RESTORE_MAX at once: no more can be ticked, and the page says why). With
 * the trash.purge task, "Delete permanently" opens the graded dialog in purge mode. Items older
 * than the policy's retention leave for good; the page says after how long, and when that last ran.
 * A person in the trash is still held, so their row offers the access request (privacy.dsar) too.
 */
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/errors';
import { TRASH_RESTORE_MAX, type TrashItem, type TrashPage as TrashPageData } from '../../../shared/historyTypes';
import { call } from '../api';
import { BusyButton, neighbourOf } from '../components/BusyButton';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { formatCount, formatDateTime } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import type { Message } from '../i18n/translate';
import { entitySingular, titleOf } from '../records/display';
import { useRights } from '../records/rights';
import { AccessReportButton, AccessReportSavedNotice, useAccessReportOutcome } from '../records/AccessReportButton';
import { DeleteDialog } from './DeleteDialog';
import { useHistory } from './HistoryProvider';

const PAGE_SIZE = 50;

/** A trash item's key in the selection: kinds share ids, so the kind is part of it. */
const keyOf = (item: TrashItem) => `${item.entity}:${item.id}`;

type Loaded = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready'; page: TrashPageData };

/**
 * The row whose Restore takes the focus once a restore is through. A restore remounts the page (the
 * shell shows it afresh), so this outlives it; with no such row left, the shell's page heading has
 * the focus, as after any refresh that happened under it.
 */
let focusAfterRestore: string | null = null;

/** Hands the row over once: a later visit of the trash starts at its heading again. */
function takeFocusAfterRestore(): string | null {
  const key = focusAfterRestore;
  focusAfterRestore = null;
  return key;
}

function setFocusAfterRestore(key: string | null): void {
  focusAfterRestore = key;
}

export function TrashPage({ takeFocus }: { takeFocus: boolean }) {
  const { t, language } = useI18n();
  const rights = useRights();
  const history = useHistory();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<Message | null>(null);
  const accessReport = useAccessReportOutcome(setError);
  const [busy, setBusy] = useState(false);
  const [purging, setPurging] = useState<TrashItem | null>(null);
  // Only records the user may restore can be ticked; a restore or purge remounts the page.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const canPurge = rights.hasTask('trash.purge');

  // A restore or purge shows the page afresh (the shell remounts it), so loading once is enough.
  useEffect(() => {
    let current = true;
    void call('trash.list', { limit: PAGE_SIZE }).then((result) => {
      if (current) setLoaded(result.ok ? { kind: 'ready', page: result.value } : { kind: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    if (loaded.kind === 'loading') return;
    const key = takeFocusAfterRestore();
    if (key !== null) document.querySelector<HTMLElement>(`[data-restore="${CSS.escape(key)}"]`)?.focus();
  }, [loaded]);

  async function loadMore(after: string) {
    setLoadingMore(true);
    setError(null);
    const result = await call('trash.list', { after, limit: PAGE_SIZE });
    setLoadingMore(false);
    if (!result.ok) {
      setError({ key: 'trash.loadFailed', params: { message: result.error } });
      return;
    }
    setLoaded((previous) =>
      previous.kind === 'ready' ? { kind: 'ready', page: { ...result.value, items: [...previous.page.items, ...result.value.items] } } : previous,
    );
  }

  async function restore(items: TrashItem[]) {
    setBusy(true);
    setError(null);
    const result = await call('trash.restore', { items: items.map(({ entity, id }) => ({ entity, id })) });
    setBusy(false);
    if (result.ok) {
      const [only] = items;
      const next = items.length === 1 && only ? neighbourOf(restorable, only) : undefined;
      setFocusAfterRestore(next ? keyOf(next) : null);
      history.restored(result.value);
    } else setError({ key: 'trash.restoreFailed', params: { message: result.error } });
  }

  function tick(item: TrashItem, on: boolean) {
    setSelected((previous) => {
      const next = new Set(previous);
      // One restore takes at most TRASH_RESTORE_MAX records: no more can be ticked (the page says so).
      if (on && previous.size < TRASH_RESTORE_MAX) next.add(keyOf(item));
      else next.delete(keyOf(item));
      return next;
    });
  }

  const page = loaded.kind === 'ready' ? loaded.page : null;
  const restorable = page ? page.items.filter((item) => rights.can(item.entity, 'restore')) : [];
  const ticked = restorable.filter((item) => selected.has(keyOf(item)));
  // Ticking all ticks as many as one restore takes; then the rest wait for the next restore.
  const full = ticked.length >= TRASH_RESTORE_MAX;
  const allTicked = restorable.length > 0 && ticked.length === Math.min(restorable.length, TRASH_RESTORE_MAX);

  return (
    <section className="page">
      <PageHeading takeFocus={takeFocus}>{t('trash.title')}</PageHeading>
      {page && (
        <div>
          <p>{page.retentionDays === 1 ? t('trash.retentionOne') : t('trash.retention', { days: formatCount(page.retentionDays, language) })}</p>
          {page.lastEmptied && (
            <p className="muted">
              {/* What stayed is what the law keeps and what it needs (destroy.ts): said only when there is any. */}
              {t(page.lastEmptied.kept > 0 ? 'trash.lastEmptiedKept' : 'trash.lastEmptied', {
                date: formatDateTime(page.lastEmptied.at, language),
                removed: formatCount(page.lastEmptied.removed, language),
                kept: formatCount(page.lastEmptied.kept, language),
              })}
            </p>
          )}
        </div>
      )}
      {loaded.kind === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {loaded.kind === 'failed' && <Notice tone="error">{t('trash.loadFailed', { message: loaded.error })}</Notice>}
      {error && <Notice tone="error">{t(error.key, error.params)}</Notice>}
      <AccessReportSavedNotice saved={accessReport.saved} />
      {page && page.items.length === 0 && <p className="muted">{t('trash.empty')}</p>}
      {restorable.length > 0 && (
        <div className="list-selection">
          <BusyButton className="button-small" busy={busy} disabled={ticked.length === 0} onClick={() => void restore(ticked)}>
            {t('trash.restoreSelected', { count: formatCount(ticked.length, language) })}
          </BusyButton>
        </div>
      )}
      {full && restorable.length > ticked.length && (
        <p id="trash-restore-limit" role="status">
          {t('trash.restoreLimit', { max: formatCount(TRASH_RESTORE_MAX, language) })}
        </p>
      )}
      {page && page.items.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t('trash.caption')}</caption>
            <thead>
              <tr>
                {restorable.length > 0 && (
                  <th scope="col">
                    <input
                      type="checkbox"
                      className="row-check"
                      aria-label={t('list.selectAll')}
                      checked={allTicked}
                      ref={(element) => {
                        // Indeterminate exists only as a property, not as an attribute React could set.
                        if (element) element.indeterminate = ticked.length > 0 && !allTicked;
                      }}
                      onChange={(event) => setSelected(new Set(event.currentTarget.checked ? restorable.slice(0, TRASH_RESTORE_MAX).map(keyOf) : []))}
                    />
                  </th>
                )}
                <th scope="col">{t('trash.col.title')}</th>
                <th scope="col">{t('trash.col.entity')}</th>
                <th scope="col">{t('trash.col.deletedBy')}</th>
                <th scope="col">{t('trash.col.deletedAt')}</th>
                <th scope="col">{t('trash.col.with')}</th>
                <th scope="col">{t('trash.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((item) => {
                const title = titleOf(item, t);
                return (
                  <tr key={keyOf(item)}>
                    {restorable.length > 0 && (
                      <td>
                        {rights.can(item.entity, 'restore') && (
                          <input
                            type="checkbox"
                            className="row-check"
                            aria-label={t('list.selectRow', { title })}
                            checked={selected.has(keyOf(item))}
                            disabled={full && !selected.has(keyOf(item))}
                            aria-describedby={full && !selected.has(keyOf(item)) ? 'trash-restore-limit' : undefined}
                            onChange={(event) => tick(item, event.currentTarget.checked)}
                          />
                        )}
                      </td>
                    )}
                    <th scope="row">{title}</th>
                    <td>{entitySingular(item.entity, language)}</td>
                    <td>{item.deletedBy ?? t('records.none')}</td>
                    <td>
                      <time dateTime={item.deletedAt}>{formatDateTime(item.deletedAt, language)}</time>
                    </td>
                    <td>{item.withCount > 0 ? t('trash.withCount', { count: formatCount(item.withCount, language) }) : ''}</td>
                    <td>
                      <div className="row-actions">
                        {rights.can(item.entity, 'restore') && (
                          <BusyButton
                            className="button-small"
                            busy={busy}
                            aria-label={t('trash.restoreLabel', { title })}
                            data-restore={keyOf(item)}
                            onClick={() => void restore([item])}
                          >
                            {t('trash.restore')}
                          </BusyButton>
                        )}
                        <AccessReportButton
                          record={item}
                          disabled={busy}
                          label={t('trash.accessReportLabel', { title })}
                          className="button-small"
                          onSaved={accessReport.onSaved}
                          onFailed={accessReport.onFailed}
                        />
                        {canPurge && (
                          <button type="button" className="button-small button-danger-quiet" disabled={busy} aria-label={t('trash.purgeLabel', { title })} onClick={() => setPurging(item)}>
                            {t('trash.purge')}
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {page?.next && (
        <div>
          <button type="button" className="button-quiet" disabled={loadingMore} onClick={() => void loadMore(page.next ?? '')}>
            {loadingMore ? t('common.loading') : t('trash.more')}
          </button>
        </div>
      )}
      {purging && (
        <DeleteDialog
          entity={purging.entity}
          ids={[purging.id]}
          mode="purge"
          title={titleOf(purging, t)}
          onCancel={() => setPurging(null)}
          onDone={(result) => {
            setPurging(null);
            history.deleted('purge', purging.entity, 1, result);
          }}
        />
      )}
    </section>
  );
}
