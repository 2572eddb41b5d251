/**
 * The deals as a board: one column per stage. A deal moves with its Stage select (keyboard and
 * screen reader friendly: the arrow keys choose a stage, only Enter moves it there, ChoiceSelect)
 * or by dragging its card to another column; either way the core is told with records.update
 * { stage }, and the card moves once the core agrees. Each column is headed by
 * the number of deals in its stage the user may read (records.count), not by the cards loaded, and
 * says when it shows only the first of them, with the way to the rest: the list filtered on the stage.
 */
import { useContext, useEffect, useId, useRef, useState, type DragEvent } from 'react';
import type { FieldInfo, ListRow } from '../../../shared/recordTypes';
import { DEAL_STAGES } from '../../../shared/registry';
import { call } from '../api';
import { focusIsFree } from '../components/BusyButton';
import { ChoiceSelect } from '../components/ChoiceSelect';
import { Notice } from '../components/Notice';
import { formatCount, formatMoney } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import type { Message } from '../i18n/translate';
import { RecordLink } from './columns';
import { optionLabel } from './display';
import { ListPlacesContext, useNavigation } from './navigation';
import { useRights } from './rights';

type Stage = (typeof DEAL_STAGES)[number];
const PAGE = 25;

interface Column {
  rows: ListRow[];
  next: string | null;
  state: 'loading' | 'ready' | 'failed';
}

const DRAG_TYPE = 'application/x-kluis-deal';

function fetchStage(stage: Stage, after: string | null) {
  return call('records.list', { entity: 'deal', where: { stage }, limit: PAGE, ...(after ? { after } : {}) });
}

export function DealBoard({ fields }: { fields: FieldInfo[] }) {
  const { t, language } = useI18n();
  const { go } = useNavigation();
  const rights = useRights();
  const canMove = rights.can('deal', 'update') && rights.field({ entity: 'deal', key: 'stage' }) === 'edit';
  const stageField = fields.find((field) => field.entity === 'deal' && field.key === 'stage');
  const [columns, setColumns] = useState<Record<Stage, Column>>(() =>
    Object.fromEntries(DEAL_STAGES.map((stage) => [stage, { rows: [], next: null, state: 'loading' }])) as unknown as Record<Stage, Column>,
  );
  // Per stage, how many deals in it the user may read: counted by the core, kept up as deals move.
  const [totals, setTotals] = useState<Partial<Record<Stage, number>>>({});
  // The deal last moved; its stage is named when shown, so the label follows a language switch too.
  const [status, setStatus] = useState<{ title: string; stage: Stage } | null>(null);
  const [error, setError] = useState<Message | null>(null);
  const [movingId, setMovingId] = useState<number | null>(null);
  const [dropTarget, setDropTarget] = useState<Stage | null>(null);
  // A moved card is drawn anew in its new column, so its Stage select is a new element: focus goes
  // to it, or a keyboard user who moved a deal with the arrow keys would be left at the page's start.
  const refocusId = useRef<number | null>(null);
  const stageSelects = useRef(new Map<number, HTMLSelectElement>());
  const hintId = useId();

  // The deal last focused, for the visit: shown afresh after an undo or redo, the board gives the
  // focus back to that deal's card (its Stage select, else its link) when the focus is nowhere else.
  const listPlaces = useContext(ListPlacesContext);
  const placeKey = listPlaces ? `${listPlaces.visit}\nboard` : null;
  const restoring = useRef<number | null>((placeKey ? (listPlaces?.places.get(placeKey) as number | undefined) : undefined) ?? null);
  const boardRef = useRef<HTMLDivElement>(null);
  const rememberFocus = (id: number) => {
    if (listPlaces && placeKey) listPlaces.places.set(placeKey, id);
  };

  // After every render: the moved card's new select exists from the render that put it there.
  useEffect(() => {
    const select = refocusId.current === null ? undefined : stageSelects.current.get(refocusId.current);
    if (!select?.isConnected) return;
    refocusId.current = null;
    select.focus();
  });

  // Once the remembered deal's card is drawn (or every column is in without it).
  useEffect(() => {
    if (restoring.current === null) return;
    const card = boardRef.current?.querySelector<HTMLElement>(`[data-deal-id="${restoring.current}"]`);
    if (!card && DEAL_STAGES.some((stage) => columns[stage].state === 'loading')) return;
    restoring.current = null;
    if (focusIsFree()) (card?.querySelector<HTMLElement>('select') ?? card?.querySelector<HTMLElement>('a'))?.focus();
  }, [columns]);

  function applyPage(stage: Stage, after: string | null, result: Awaited<ReturnType<typeof fetchStage>>) {
    setColumns((previous) => {
      const column = previous[stage];
      if (!result.ok) return { ...previous, [stage]: { ...column, state: 'failed' } };
      // A deal moved here earlier may come again in a later page: keep it once.
      const known = new Set(column.rows.map((row) => row.id));
      const rows = after ? [...column.rows, ...result.value.rows.filter((row) => !known.has(row.id))] : result.value.rows;
      return { ...previous, [stage]: { rows, next: result.value.next, state: 'ready' } };
    });
    if (!result.ok) setError({ key: 'deals.loadFailed', params: { message: result.error } });
  }

  useEffect(() => {
    let current = true;
    for (const stage of DEAL_STAGES) {
      void fetchStage(stage, null).then((result) => {
        if (current) applyPage(stage, null, result);
      });
      void call('records.count', { entity: 'deal', where: { stage } }).then((result) => {
        if (current && result.ok) setTotals((previous) => ({ ...previous, [stage]: result.value.count }));
      });
    }
    return () => {
      current = false;
    };
    // Loaded once per board.
  }, []);

  const stageLabel = (stage: string) => (stageField ? optionLabel(stageField, stage, language) : stage);

  async function move(deal: ListRow, to: Stage, refocus: boolean) {
    const from = deal.values.stage as Stage;
    if (from === to) return;
    setError(null);
    setStatus(null);
    setMovingId(deal.id);
    const result = await call('records.update', { entity: 'deal', id: deal.id, values: { stage: to } });
    setMovingId(null);
    if (!result.ok) {
      setError({ key: 'deals.moveFailed', params: { message: result.error } });
      // The select was disabled while asking, which took the focus from it: it gets it back.
      if (refocus) refocusId.current = deal.id;
      return;
    }
    setColumns((previous) => ({
      ...previous,
      [from]: { ...previous[from], rows: previous[from].rows.filter((row) => row.id !== deal.id) },
      [to]: { ...previous[to], rows: [{ ...result.value, allowed: deal.allowed }, ...previous[to].rows] },
    }));
    const shift = (total: number | undefined, by: number) => (total === undefined ? undefined : total + by);
    setTotals((previous) => ({ ...previous, [from]: shift(previous[from], -1), [to]: shift(previous[to], 1) }));
    setStatus({ title: deal.title, stage: to });
    if (refocus) refocusId.current = deal.id;
  }

  function onDrop(event: DragEvent<HTMLElement>, stage: Stage) {
    event.preventDefault();
    setDropTarget(null);
    const id = Number(event.dataTransfer.getData(DRAG_TYPE));
    const deal = DEAL_STAGES.flatMap((s) => columns[s].rows).find((row) => row.id === id);
    if (deal) void move(deal, stage, false);
  }

  return (
    <div className="board-wrap">
      <p id={hintId} className="visually-hidden">
        {t('deals.stageHint')}
      </p>
      <p role="status" className="muted board-status">
        {status ? t('deals.moved', { title: status.title, stage: stageLabel(status.stage) }) : ''}
      </p>
      {error && <Notice tone="error">{t(error.key, error.params)}</Notice>}
      <div className="board" ref={boardRef}>
        {DEAL_STAGES.map((stage) => {
          const column = columns[stage];
          const headingId = `board-stage-${stage}`;
          const total = totals[stage];
          // More deals in the stage than its cards: say how many are shown, and lead to the rest.
          const partial = column.state === 'ready' && (total === undefined ? column.next !== null : total > column.rows.length);
          return (
            <section
              key={stage}
              className={dropTarget === stage ? 'board-column board-column-target' : 'board-column'}
              aria-labelledby={headingId}
              onDragOver={(event) => {
                if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
                event.preventDefault();
                setDropTarget(stage);
              }}
              onDragLeave={() => setDropTarget((current) => (current === stage ? null : current))}
              onDrop={(event) => onDrop(event, stage)}
            >
              <h3 id={headingId} className="board-column-title">
                {stageLabel(stage)}
                <span className="board-count">
                  {/* Until the core has counted (or when it could not): the cards loaded, "+" when there are more. */}
                  {total === undefined ? `${column.rows.length}${column.next ? '+' : ''}` : formatCount(total, language)}
                </span>
              </h3>
              {partial && total !== undefined && (
                <p className="muted board-shown">
                  {t('deals.shownOf', { shown: formatCount(column.rows.length, language), total: formatCount(total, language) })}
                </p>
              )}
              {column.state === 'loading' && <p className="muted">{t('common.loading')}</p>}
              <ul className="board-cards">
                {column.rows.map((deal) => {
                  // Only a deal the core lets this user change (Field sales: their own) has a Stage select.
                  const movable = canMove && deal.allowed.update;
                  return (
                    <li
                      key={deal.id}
                      className="board-card"
                      data-deal-id={deal.id}
                      onFocus={() => rememberFocus(deal.id)}
                      draggable={movable}
                      aria-busy={movingId === deal.id || undefined}
                      onDragStart={(event) => {
                        event.dataTransfer.setData(DRAG_TYPE, String(deal.id));
                        event.dataTransfer.effectAllowed = 'move';
                      }}
                    >
                      <RecordLink record={deal} go={go} t={t} />
                      {deal.refs.organisation_id && <span className="board-card-meta">{deal.refs.organisation_id.title}</span>}
                      {typeof deal.values.value_cents === 'number' && (
                        <span className="board-card-meta">{formatMoney(deal.values.value_cents, language)}</span>
                      )}
                      {movable && (
                        <label className="board-card-stage">
                          <span className="visually-hidden">{t('deals.stageOf', { title: deal.title })}</span>
                          <ChoiceSelect
                            selectRef={(element) => {
                              if (element) stageSelects.current.set(deal.id, element);
                              else if (stageSelects.current.get(deal.id)?.isConnected === false) stageSelects.current.delete(deal.id);
                            }}
                            value={stage}
                            options={DEAL_STAGES.map((option) => ({ value: option, label: stageLabel(option) }))}
                            disabled={movingId === deal.id}
                            describedBy={hintId}
                            onChoose={(to) => void move(deal, to as Stage, true)}
                          />
                        </label>
                      )}
                    </li>
                  );
                })}
              </ul>
              {column.state === 'ready' && column.rows.length === 0 && <p className="muted board-empty">{t('deals.emptyStage')}</p>}
              {column.next && (
                <button type="button" className="button-small" onClick={() => void fetchStage(stage, column.next).then((result) => applyPage(stage, column.next, result))}>
                  {t('deals.showMore')}
                  <span className="visually-hidden"> {stageLabel(stage)}</span>
                </button>
              )}
              {partial && (
                <a
                  href="#deal"
                  className="board-all"
                  onClick={(event) => {
                    event.preventDefault();
                    go({ page: 'list', entity: 'deal', settings: { where: { stage } } });
                  }}
                >
                  {t('deals.stageInList', { stage: stageLabel(stage) })}
                </a>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
