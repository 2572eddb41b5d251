/**
 * A windowed table over keyset-paged records: it can page through a million rows without holding
 * them. Rows have one fixed height; only the rows in view (and a few around) are in the DOM. Pages
 * are fetched with `records.list` as the user scrolls towards the end, one cursor after the other
 * (keyset paging cannot jump), and pages far from the view are dropped, keeping only their cursor
 * and length, so they can be fetched again when the user scrolls back.
 *
 * A list may chain several queries ("my open tasks, then the rest"): each query's pages follow the
 * previous one's, and `exclude` drops rows a later query repeats.
 *
 * Arrow keys, Page Up/Down, Home and End move between the rows' links, scrolling as needed.
 *
 * When the core tells the list's length (`total`), the scrollbar spans every row: rows past the
 * pages fetched show as loading, and the pages up to them are fetched one after the other (the
 * bigger the gap, the bigger the page), so End, or the scrollbar dragged to the bottom, reaches the
 * last row; a row not yet there holds the keyboard focus meanwhile.
 *
 * The table remembers its place for the visit of its page (ListPlacesContext): its pages' cursors
 * and lengths (not their rows), the scroll position and the row last focused. Shown afresh after an
 * undo or a deletion, or on Back from a record, it starts from those cursors, so only the pages in
 * view are fetched again, not every page before them; it scrolls back and gives the focus back to
 * that row (found by id, or the row now in its place, a neighbour when it is gone) when the focus
 * is nowhere else. A page fetched again ends where it ended before (at its old last row, or before
 * the next page's first), so a row deleted or brought back shifts the rows after it by one instead
 * of repeating or losing one at the page's edge.
 *
 * With `selection`, each row gets a checkbox and the header one for all rows loaded so far (the
 * table never holds every row of a million, so "all" can only mean those it has). No more than
 * `selection.max` can be ticked (what one action on them takes); the table then says so.
 */
import { useCallback, useContext, useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import type { ChannelInput } from '../../../shared/api';
import type { ApiError } from '../../../shared/errors';
import type { ListRow } from '../../../shared/recordTypes';
import { call } from '../api';
import { focusIsFree } from '../components/BusyButton';
import { Notice } from '../components/Notice';
import { useI18n } from '../i18n/I18nProvider';
import { ListPlacesContext } from './navigation';

export type ListQuery = Omit<ChannelInput<'records.list'>, 'after' | 'limit'>;

export interface Column {
  key: string;
  header: string;
  /** A CSS grid track, e.g. 'minmax(10rem, 2fr)'. */
  width: string;
  align?: 'start' | 'end';
  render: (row: ListRow, index: number) => ReactNode;
}

export interface RowSelection {
  selected: ReadonlySet<number>;
  onChange: (selected: ReadonlySet<number>) => void;
  /** The accessible name of a row's checkbox: "Select Jan Jansen". */
  rowLabel: (row: ListRow) => string;
  allLabel: string;
  /** Rows that may be chosen (a right only on one's own records); the others get no checkbox. */
  selectable: (row: ListRow) => boolean;
  /** The most rows one action on them takes: no more can be ticked. */
  max: number;
  /** Said when that many are ticked, and given as the description of a checkbox that cannot be ticked. */
  limitText: string;
}

export const ROW_HEIGHT = 40;
const SELECT_COLUMN = '2.75rem';
const PAGE_SIZE = 100;
/** Pages kept in memory at most: 20 pages of 100 rows. */
const MAX_LOADED_CHUNKS = 20;
/** Placeholder rows shown for the page not yet fetched at the end. */
const FRONTIER_ROWS = 3;
const OVERSCAN = 6;
/** The page size, most the core gives, for pages far before the view (catching up to it). */
const CATCH_UP_SIZE = 200;
/** Rows the canvas spans at most: browsers cap an element's height (about 33.5 million pixels). */
const MAX_CANVAS_ROWS = 800_000;
/** Lists whose place is remembered at most; the oldest is forgotten first. */
const MAX_PLACES = 50;

interface Chunk {
  source: number;
  after: string | undefined;
  rows: ListRow[] | null;
  /** Known once fetched; kept when the rows are dropped. */
  length: number | null;
  /** The ids of the first and last row when fetched: where the page ends when fetched again. */
  firstId?: number | undefined;
  lastId?: number | undefined;
}

interface FocusedRow {
  index: number;
  id: number | undefined;
}

/** Where the user was in a list; see the top of this file. */
interface Place {
  chunks: Chunk[];
  scrollTop: number;
  focused: FocusedRow | null;
}

interface VirtualTableProps {
  /** The table's accessible name. */
  label: string;
  sources: ListQuery[];
  /** Rows of a later source that an earlier one already showed. */
  exclude?: (row: ListRow, source: number) => boolean;
  columns: Column[];
  /**
   * The number of rows of all sources together when the core can tell (a count of the same rows):
   * for the scrollbar and aria-rowcount. Chained sources whose later ones leave out what earlier
   * ones showed (`exclude`) together hold the rows of the widest one.
   */
  total?: number | null | undefined;
  emptyText: string;
  /** Newer versions of rows the page changed (a task ticked off), by id. */
  overrides?: ReadonlyMap<number, ListRow>;
  rowClassName?: (row: ListRow, source: number) => string | undefined;
  selection?: RowSelection;
}

/** Remounts the table when the query changes, so no page of an old query mixes in. */
export function VirtualTable(props: VirtualTableProps) {
  return <VirtualTableBody key={JSON.stringify(props.sources)} {...props} />;
}

function VirtualTableBody({ label, sources, exclude, columns, total, emptyText, overrides, rowClassName, selection }: VirtualTableProps) {
  const { t } = useI18n();
  const limitId = useId();
  const listPlaces = useContext(ListPlacesContext);
  const placeKey = listPlaces ? `${listPlaces.visit}\n${JSON.stringify(sources)}` : null;
  const [remembered] = useState(() => (placeKey ? (listPlaces?.places.get(placeKey) as Place | undefined) : undefined));
  // A remembered page that held no rows takes none of the list's height, so it would never be in
  // view to be fetched again; shown afresh, its length is unknown again: a record brought back by
  // an undo (the only deal, one's own open task) appears in it.
  const [chunks, setChunks] = useState<Chunk[]>(
    () => remembered?.chunks.map((chunk) => (chunk.length === 0 ? { ...chunk, length: null } : chunk)) ?? [{ source: 0, after: undefined, rows: null, length: null }],
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [scrollTop, setScrollTop] = useState(remembered?.scrollTop ?? 0);
  const [viewportHeight, setViewportHeight] = useState(400);
  const [pendingFocus, setPendingFocus] = useState<number | null>(null);
  const [focused, setFocused] = useState<FocusedRow | null>(remembered?.focused ?? null);
  // The row to give the focus back to once its page is in again.
  const [restoring, setRestoring] = useState<FocusedRow | null>(remembered?.focused ?? null);
  const viewportRef = useRef<HTMLDivElement>(null);
  const inFlight = useRef(new Set<number>());
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useLayoutEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const observer = new ResizeObserver(() => setViewportHeight(viewport.clientHeight));
    observer.observe(viewport);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    if (remembered && viewportRef.current) viewportRef.current.scrollTop = remembered.scrollTop;
  }, [remembered]);

  useEffect(() => {
    if (!listPlaces || placeKey === null) return;
    const { places } = listPlaces;
    // Newest last, so the oldest place is the first to go.
    places.delete(placeKey);
    places.set(placeKey, { chunks: chunks.map((chunk) => ({ ...chunk, rows: null })), scrollTop, focused } satisfies Place);
    for (const key of places.keys()) {
      if (places.size <= MAX_PLACES) break;
      places.delete(key);
    }
  }, [listPlaces, placeKey, chunks, scrollTop, focused]);

  // A page that was fetched and did not lead to another is the end.
  const ended = (chunks.at(-1)?.length ?? null) !== null;

  // Where each chunk starts; the unfetched last chunk counts as a few placeholder rows.
  const offsets: number[] = [];
  let counted = 0;
  for (const chunk of chunks) {
    offsets.push(counted);
    counted += chunk.length ?? FRONTIER_ROWS;
  }
  // Rows past the unfetched last chunk, up to the length the core told, belong to that chunk too.
  const known = !ended && typeof total === 'number' ? Math.min(total, MAX_CANVAS_ROWS) : 0;
  const rowCount = Math.max(counted, known);
  const chunkAt = (row: number): number => {
    let low = 0;
    let high = offsets.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((offsets[middle] ?? 0) <= row) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const rowAt = (row: number): ListRow | undefined => {
    const index = chunkAt(row);
    return chunks[index]?.rows?.[row - (offsets[index] ?? 0)];
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount - 1, Math.ceil((scrollTop + viewportHeight) / ROW_HEIGHT) + OVERSCAN);

  // The pages in view, and the next one when the end is within a screen; the pages to drop.
  const lastNeeded = Math.max(first, Math.min(rowCount - 1, last + Math.ceil(viewportHeight / ROW_HEIGHT)));
  const needed: number[] = [];
  for (let index = chunkAt(first); index <= chunkAt(lastNeeded); index++) needed.push(index);
  const wanted = needed.filter((index) => chunks[index]?.rows === null && chunks[index]?.length !== 0);
  const loaded = chunks.flatMap((chunk, index) => (chunk.rows !== null ? [index] : []));
  const centre = chunkAt(Math.floor((first + last) / 2));
  const droppable =
    loaded.length > MAX_LOADED_CHUNKS
      ? loaded
          .filter((index) => !needed.includes(index))
          .sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre))
          .slice(0, loaded.length - MAX_LOADED_CHUNKS)
      : [];
  const wantedKey = wanted.join(',');
  const droppableKey = droppable.join(',');

  const fetchChunk = useCallback(
    async (index: number, chunk: Chunk, catchingUp: boolean) => {
      const query = sources[chunk.source];
      if (!query) return;
      inFlight.current.add(index);
      // A page fetched before is fetched with room to spare: it may have gained rows since.
      const limit = catchingUp ? CATCH_UP_SIZE : chunk.length === null ? PAGE_SIZE : Math.min(CATCH_UP_SIZE, Math.max(PAGE_SIZE, chunk.length) + 20);
      const result = await call('records.list', { ...query, ...(chunk.after ? { after: chunk.after } : {}), limit });
      inFlight.current.delete(index);
      if (!mounted.current) return;
      if (!result.ok) {
        setError(result.error);
        return;
      }
      const fetched = exclude ? result.value.rows.filter((row) => !exclude(row, chunk.source)) : result.value.rows;
      const next = result.value.next;
      setChunks((previous) => {
        const following = previous[index + 1];
        let rows = fetched;
        // Fetched again: the page ends where it did, for the next page of the same query starts
        // after its old last row. The last page of a query ends where the query does: a row brought
        // back after its old last one belongs to it (the next query's rows start afresh).
        if (following && following.source === chunk.source && (chunk.length !== null || following.firstId !== undefined)) {
          const oldLast = chunk.lastId === undefined ? -1 : rows.findIndex((row) => row.id === chunk.lastId);
          const nextFirst = following.firstId === undefined ? -1 : rows.findIndex((row) => row.id === following.firstId);
          rows = rows.slice(0, oldLast >= 0 ? oldLast + 1 : nextFirst >= 0 ? nextFirst : (chunk.length ?? rows.length));
        }
        const updated = previous.slice();
        updated[index] = { ...chunk, rows, length: rows.length, firstId: rows[0]?.id, lastId: rows.at(-1)?.id };
        if (index === previous.length - 1) {
          if (next) updated.push({ source: chunk.source, after: next, rows: null, length: null });
          else if (chunk.source + 1 < sources.length) updated.push({ source: chunk.source + 1, after: undefined, rows: null, length: null });
        }
        return updated;
      });
    },
    [sources, exclude],
  );

  useEffect(() => {
    if (error) return;
    for (const index of wantedKey === '' ? [] : wantedKey.split(',').map(Number)) {
      const chunk = chunks[index];
      // The unfetched last chunk far before the view (End, the scrollbar dragged down) catches up.
      if (chunk && !inFlight.current.has(index)) void fetchChunk(index, chunk, chunk.length === null && (offsets[index] ?? 0) + PAGE_SIZE < first);
    }
    // Only the chunk list at the time of asking matters; a change of it changes the keys too.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wantedKey, error, fetchChunk]);

  useEffect(() => {
    if (droppableKey === '') return;
    const dropped = new Set(droppableKey.split(',').map(Number));
    // Memory is over its bound: forget the rows of far pages, keeping their cursor and length.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setChunks((previous) => previous.map((chunk, index) => (dropped.has(index) ? { ...chunk, rows: null } : chunk)));
  }, [droppableKey]);

  // Keyboard focus that moved to a row not yet drawn lands once it is; a row still loading holds it.
  useEffect(() => {
    if (pendingFocus === null) return;
    const rowElement = viewportRef.current?.querySelector<HTMLElement>(`[data-row-index="${pendingFocus}"]`);
    const link = rowElement?.querySelector<HTMLElement>('[data-row-link]');
    if (link) {
      link.focus();
      // The focus has landed; nothing is pending any more.
      setPendingFocus(null);
    } else if (rowElement?.classList.contains('vt-row-placeholder') && document.activeElement !== rowElement) rowElement.focus();
  }, [pendingFocus, first, last, chunks]);

  // The list shown again: the focus goes back to the row it was on, once that row's page is in.
  useEffect(() => {
    if (restoring === null) return;
    const chunk = chunks[chunkAt(restoring.index)];
    if (chunk && chunk.rows === null) return;
    let found: number | null = null;
    chunks.forEach((each, index) => {
      const at = each.rows?.findIndex((row) => row.id === restoring.id) ?? -1;
      if (at >= 0) found = (offsets[index] ?? 0) + at;
    });
    const target = Math.max(0, Math.min(found ?? restoring.index, rowCount - 1));
    // Once only; and not when the user has put the focus somewhere since.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setRestoring(null);
    if (focusIsFree() && target >= first && target <= last) setPendingFocus(target);
    // Only the chunks decide when the row is in; the rest is read as it is then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [restoring, chunks]);

  function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
    const targetElement = event.target as HTMLElement;
    const rowElement = targetElement.closest<HTMLElement>('[data-row-index]');
    if (!rowElement || !(targetElement.hasAttribute('data-row-link') || targetElement === rowElement)) return;
    const current = Number(rowElement.dataset.rowIndex);
    const page = Math.max(1, Math.floor(viewportHeight / ROW_HEIGHT) - 1);
    const lastRow = Math.max(0, rowCount - 1);
    const target =
      event.key === 'ArrowDown'
        ? current + 1
        : event.key === 'ArrowUp'
          ? current - 1
          : event.key === 'PageDown'
            ? current + page
            : event.key === 'PageUp'
              ? current - page
              : event.key === 'Home'
                ? 0
                : event.key === 'End'
                  ? lastRow
                  : null;
    if (target === null) return;
    event.preventDefault();
    const clamped = Math.min(Math.max(target, 0), lastRow);
    const viewport = viewportRef.current;
    if (viewport) {
      const top = clamped * ROW_HEIGHT;
      if (top < viewport.scrollTop) viewport.scrollTop = top;
      else if (top + ROW_HEIGHT > viewport.scrollTop + viewport.clientHeight) viewport.scrollTop = top + ROW_HEIGHT - viewport.clientHeight;
    }
    setPendingFocus(clamped);
  }

  const loadedRows = chunks.reduce((sum, chunk) => sum + (chunk.rows?.length ?? 0), 0);
  const tracks = columns.map((column) => column.width);
  const gridStyle: CSSProperties = { gridTemplateColumns: (selection ? [SELECT_COLUMN, ...tracks] : tracks).join(' ') };
  const empty = ended && rowCount === 0;
  // The viewport is as tall as its rows, up to the most the stylesheet allows.
  const canvasHeight = Math.max(rowCount, 1) * ROW_HEIGHT;

  const rowsLoaded = chunks.flatMap((chunk) => chunk.rows ?? []);
  const selectionFull = selection !== undefined && selection.selected.size >= selection.max;
  // Said only while a loaded row is left that could have been ticked.
  const showLimit = selectionFull && rowsLoaded.some((row) => selection.selectable(row) && !selection.selected.has(row.id));

  const drawn: ReactNode[] = [];
  for (let index = first; index <= last; index++) {
    const chunk = chunks[chunkAt(index)];
    const original = rowAt(index);
    const row = original ? (overrides?.get(original.id) ?? original) : undefined;
    const style: CSSProperties = { ...gridStyle, top: index * ROW_HEIGHT, height: ROW_HEIGHT };
    if (!row || !chunk) {
      drawn.push(
        <div key={index} role="row" aria-rowindex={index + 2} aria-busy="true" className="vt-row vt-row-placeholder" style={style} data-row-index={index} tabIndex={-1}>
          <div role="cell" className="vt-cell vt-cell-loading">
            {t('common.loading')}
          </div>
        </div>,
      );
      continue;
    }
    const extra = rowClassName?.(row, chunk.source);
    drawn.push(
      <div key={index} role="row" aria-rowindex={index + 2} className={extra ? `vt-row ${extra}` : 'vt-row'} style={style} data-row-index={index}>
        {selection && (
          <Cell align="start">
            {selection.selectable(row) && (
              <input
                type="checkbox"
                className="row-check"
                aria-label={selection.rowLabel(row)}
                checked={selection.selected.has(row.id)}
                disabled={selectionFull && !selection.selected.has(row.id)}
                aria-describedby={selectionFull && !selection.selected.has(row.id) ? limitId : undefined}
                onChange={(event) => {
                  const next = new Set(selection.selected);
                  if (event.currentTarget.checked) {
                    if (next.size < selection.max) next.add(row.id);
                  } else next.delete(row.id);
                  selection.onChange(next);
                }}
              />
            )}
          </Cell>
        )}
        {columns.map((column) => (
          <Cell key={column.key} align={column.align}>
            {column.render(row, index)}
          </Cell>
        ))}
      </div>,
    );
  }

  const rowCountForAria = ended ? rowCount + 1 : typeof total === 'number' ? total + 1 : -1;

  return (
    <div className="vt" data-loaded-rows={loadedRows} data-rendered-rows={drawn.length}>
      {error && (
        <Notice tone="error">
          {t('list.loadFailed', { message: error })}{' '}
          <button type="button" className="button-small" onClick={() => setError(null)}>
            {t('app.retry')}
          </button>
        </Notice>
      )}
      {showLimit && selection && (
        <p id={limitId} role="status">
          {selection.limitText}
        </p>
      )}
      <div role="table" aria-label={label} aria-rowcount={rowCountForAria} className="vt-table">
        <div role="rowgroup" className="vt-head">
          <div role="row" aria-rowindex={1} className="vt-head-row" style={gridStyle}>
            {selection && (
              <div role="columnheader" className="vt-cell">
                <SelectAll selection={selection} rows={rowsLoaded} />
              </div>
            )}
            {columns.map((column) => (
              <div key={column.key} role="columnheader" className={column.align === 'end' ? 'vt-cell vt-cell-end' : 'vt-cell'}>
                {column.header}
              </div>
            ))}
          </div>
        </div>
        <div
          role="rowgroup"
          ref={viewportRef}
          className="vt-viewport"
          style={{ height: canvasHeight }}
          onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
          onKeyDown={moveFocus}
          onFocus={(event) => {
            const rowElement = (event.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
            if (!rowElement) return;
            const index = Number(rowElement.dataset.rowIndex);
            const id = rowAt(index)?.id;
            if (focused?.index !== index || focused.id !== id) setFocused({ index, id });
          }}
        >
          <div className="vt-canvas" style={{ height: canvasHeight }}>
            {empty ? (
              <div role="row" className="vt-row vt-row-empty" style={{ top: 0, height: ROW_HEIGHT }}>
                <div role="cell" className="vt-cell">
                  {emptyText}
                </div>
              </div>
            ) : (
              drawn
            )}
          </div>
        </div>
      </div>
    </div>
  );
}

/** A cell; plain text that does not fit is cut off with an ellipsis and shown whole on hover. */
function Cell({ align, children }: { align: Column['align']; children: ReactNode }) {
  return (
    <div role="cell" className={align === 'end' ? 'vt-cell vt-cell-end' : 'vt-cell'} title={typeof children === 'string' && children !== '' ? children : undefined}>
      {children}
    </div>
  );
}

/**
 * The header checkbox: ticks every loaded row (as many as `max`, from the top), or clears them all;
 * mixed when some are ticked.
 */
function SelectAll({ selection, rows: loaded }: { selection: RowSelection; rows: ListRow[] }) {
  const rows = loaded.filter(selection.selectable);
  const chosen = rows.filter((row) => selection.selected.has(row.id)).length;
  const all = rows.length > 0 && chosen === Math.min(rows.length, selection.max);
  return (
    <input
      type="checkbox"
      className="row-check"
      aria-label={selection.allLabel}
      checked={all}
      ref={(element) => {
        // Indeterminate exists only as a property, not as an attribute React could set.
        if (element) element.indeterminate = chosen > 0 && !all;
      }}
      disabled={rows.length === 0}
      onChange={(event) => selection.onChange(new Set(event.currentTarget.checked ? rows.slice(0, selection.max).map((row) => row.id) : []))}
    />
  );
}
