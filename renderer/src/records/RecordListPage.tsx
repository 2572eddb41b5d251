/**
 * The list of one kind of record: sort and filter controls (the core filters, in SQL), the total,
 * "New …", and the windowed table. Activities put the user's own open tasks first, then the rest.
 * Deals can switch to the stage board. Those who may delete can tick rows and delete them at once,
 * through the same graded dialog as a single record.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FieldInfo, ListRow } from '../../../shared/recordTypes';
import { DELETE_MAX } from '../../../shared/historyTypes';
import { ExportButton } from '../access/ExportButton';
import { call } from '../api';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { formatCount } from '../format';
import { DeleteDialog } from '../history/DeleteDialog';
import { useHistory } from '../history/HistoryProvider';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/en';
import type { Message } from '../i18n/translate';
import { recordColumns } from './columns';
import { DealBoard } from './DealBoard';
import { entityPlural, entitySingular, optionLabel, titleOf } from './display';
import { filterFields, useFields } from './fields';
import { useNavigation, type ListEntity, type ListSettings, type NewEntity } from './navigation';
import { ReferencePicker } from './ReferencePicker';
import { useRights } from './rights';
import { VirtualTable, type Column, type ListQuery, type RowSelection } from './VirtualTable';

export const NEW_LABELS: Record<NewEntity, MessageKey> = {
  consent: 'records.new.consent',
  contact: 'records.new.contact',
  organisation: 'records.new.organisation',
  deal: 'records.new.deal',
  activity: 'records.new.activity',
  invoice: 'records.new.invoice',
  campaign: 'records.new.campaign',
};

const SORTABLE_BY_DUE: readonly ListEntity[] = ['activity', 'invoice'];
/**
 * The fields these lists sort by, named in the sort control as their columns are: an invoice sorts
 * by "Number" and "Due date", not by a "Name" it does not have; an activity by "Subject" and "Due".
 */
const SORT_FIELDS: Partial<Record<ListEntity, Record<'name' | 'due', string>>> = {
  activity: { name: 'subject', due: 'due_at' },
  invoice: { name: 'number', due: 'due_on' },
};
const NOTHING_TICKED: ReadonlySet<number> = new Set();

/** Whether a filter narrows the list: then the total above it is the count before the filter. */
function isFiltered(settings: ListSettings): boolean {
  return Object.keys(settings.where ?? {}).length > 0 || settings.mine === true;
}

interface RecordListPageProps {
  entity: ListEntity;
  settings: ListSettings;
  userId: number;
  takeFocus: boolean;
}

export function RecordListPage({ entity, settings, userId, takeFocus }: RecordListPageProps) {
  const { t, language } = useI18n();
  const { go, replace } = useNavigation();
  const { state } = useFields();
  const rights = useRights();
  const [total, setTotal] = useState<number | null>(null);
  const [counted, setCounted] = useState<{ filter: string; count: number } | null>(null);

  useEffect(() => {
    let current = true;
    void call('records.count', { entity }).then((result) => {
      if (current && result.ok) setTotal(result.value.count);
    });
    return () => {
      current = false;
    };
  }, [entity]);

  // A filtered list counts what matches too (in the core, within the read scope), so the user
  // sees how many and the table's scrollbar and End reach its last row.
  const filterKey = isFiltered(settings) ? JSON.stringify({ where: settings.where ?? {}, mine: settings.mine === true }) : null;
  useEffect(() => {
    if (filterKey === null) return;
    let current = true;
    const { where, mine } = JSON.parse(filterKey) as { where: Record<string, string | number | boolean>; mine: boolean };
    void call('records.count', { entity, where, mine }).then((result) => {
      if (current && result.ok) setCounted({ filter: filterKey, count: result.value.count });
    });
    return () => {
      current = false;
    };
  }, [entity, filterKey]);
  // The count of the filter shown now, not of one before it. Rows ticked out of a "Done: No" view
  // stay shown, so a mis-tick can be unticked, but no longer match: the count above leaves them out,
  // as showing the list again would, while the table, which keeps their rows, goes by the count as it was.
  const [leftFilter, setLeftFilter] = useState(0);
  const matchingRows = counted !== null && counted.filter === filterKey ? counted.count : null;
  const matching = matchingRows === null ? null : Math.max(0, matchingRows - leftFilter);

  const update = (next: ListSettings) => replace({ page: 'list', entity, settings: next });
  const board = entity === 'deal' && settings.board === true;

  return (
    <section className="page page-wide">
      <div className="page-title-row">
        <PageHeading takeFocus={takeFocus}>{entityPlural(entity, language)}</PageHeading>
        <div className="button-row">
          {entity === 'deal' && (
            <div role="group" aria-label={t('deals.view')} className="segmented">
              <button type="button" aria-pressed={!board} onClick={() => update({ ...settings, board: false })}>
                {t('deals.viewList')}
              </button>
              <button type="button" aria-pressed={board} onClick={() => update({ ...settings, board: true })}>
                {t('deals.viewBoard')}
              </button>
            </div>
          )}
          {/* What the list shows: its filter, not on the board (which shows every deal by stage). */}
          <ExportButton entity={entity} filter={board ? undefined : { where: settings.where, mine: settings.mine }} />
          {rights.can(entity, 'create') && (
            <button type="button" className="button-primary" onClick={() => go({ page: 'new', entity })}>
              {t(NEW_LABELS[entity])}
            </button>
          )}
        </div>
      </div>
      {total !== null && (
        // A status, so a filter or a refresh that changes the count is read out.
        <p className="muted list-total" role="status">
          {matching !== null
            ? t('list.matching', { matching: formatCount(matching, language), count: formatCount(total, language), what: entityPlural(entity, language).toLowerCase() })
            : total === 1
            ? t(isFiltered(settings) ? 'list.totalOneUnfiltered' : 'list.totalOne', { what: entitySingular(entity, language).toLowerCase() })
            : t(isFiltered(settings) ? 'list.totalUnfiltered' : 'list.total', { count: formatCount(total, language), what: entityPlural(entity, language).toLowerCase() })}
        </p>
      )}
      {state.kind === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {state.kind === 'failed' && <Notice tone="error">{t('fields.loadFailed', { message: state.error })}</Notice>}
      {state.kind === 'ready' &&
        (board ? (
          <DealBoard fields={state.fields} />
        ) : (
          <ListBody entity={entity} settings={settings} fields={state.fields} userId={userId} total={isFiltered(settings) ? matchingRows : total} onChange={update} onLeftFilter={setLeftFilter} />
        ))}
    </section>
  );
}

interface ListBodyProps {
  entity: ListEntity;
  settings: ListSettings;
  fields: FieldInfo[];
  userId: number;
  total: number | null;
  onChange: (settings: ListSettings) => void;
  /** How many rows shown no longer match the filter, since the user ticked or unticked their Done. */
  onLeftFilter: (count: number) => void;
}

function ListBody({ entity, settings, fields, userId, total, onChange, onLeftFilter }: ListBodyProps) {
  const { t, language } = useI18n();
  const { go } = useNavigation();
  const rights = useRights();
  const history = useHistory();
  const [overrides, setOverrides] = useState<ReadonlyMap<number, ListRow>>(new Map());
  const [toggleError, setToggleError] = useState<Message | null>(null);
  // Ticked rows belong to one query: a new filter starts with nothing ticked.
  const [ticked, setTicked] = useState<{ query: string; ids: ReadonlySet<number> }>({ query: '', ids: new Set() });
  const [deleting, setDeleting] = useState<number[] | null>(null);
  const canDelete = rights.can(entity, 'delete');
  const deleteScope = rights.scope(entity, 'delete');

  const sort = settings.sort ?? (SORTABLE_BY_DUE.includes(entity) ? 'due' : 'name');
  const where = useMemo(() => settings.where ?? {}, [settings.where]);
  const filtered = isFiltered(settings);
  // Activities: the user's own open tasks first, then every other activity.
  const myTasksFirst = entity === 'activity' && !filtered && sort === 'due';

  const sources = useMemo<ListQuery[]>(
    () =>
      myTasksFirst
        ? [
            { entity, sort: 'due', mine: true, where: { done: false } },
            { entity, sort: 'due' },
          ]
        : [{ entity, sort, ...(Object.keys(where).length > 0 ? { where } : {}), ...(settings.mine ? { mine: true } : {}) }],
    [entity, sort, where, settings.mine, myTasksFirst],
  );
  const query = JSON.stringify(sources);
  const [leftFilter, setLeftFilter] = useState<{ query: string; ids: ReadonlySet<number> }>({ query: '', ids: new Set() });
  const leftFilterCount = leftFilter.query === query ? leftFilter.ids.size : 0;
  useEffect(() => onLeftFilter(leftFilterCount), [onLeftFilter, leftFilterCount]);
  const selected = ticked.query === query ? ticked.ids : NOTHING_TICKED;
  const selection = useMemo<RowSelection | undefined>(
    () =>
      canDelete
        ? {
            selected,
            onChange: (ids) => setTicked({ query, ids }),
            rowLabel: (row) => t('list.selectRow', { title: titleOf(row, t) }),
            allLabel: t('list.selectAll'),
            selectable: (row) => row.allowed.delete,
            max: DELETE_MAX,
            limitText: t('list.selectLimit', { max: formatCount(DELETE_MAX, language), what: entityPlural(entity, language).toLowerCase() }),
          }
        : undefined,
    [canDelete, selected, query, t, entity, language],
  );
  const exclude = useCallback(
    (row: ListRow, source: number) => myTasksFirst && source === 1 && row.ownerId === userId && !row.values.done,
    [myTasksFirst, userId],
  );

  // In a list filtered on Done, whether a row still matches after the user ticked its box.
  const markLeft = useCallback(
    (id: number, done: boolean) => {
      if (!('done' in where)) return;
      setLeftFilter((previous) => {
        const ids = new Set(previous.query === query ? previous.ids : []);
        if (done === Boolean(where.done)) ids.delete(id);
        else ids.add(id);
        return { query, ids };
      });
    },
    [where, query],
  );

  const toggleDone = useCallback(
    async (row: ListRow, done: boolean) => {
      setToggleError(null);
      // The box follows the click at once, not after the core's answer: then the answer stands, or a
      // refusal puts the row back as it was and says why.
      setOverrides((previous) => new Map(previous).set(row.id, { ...row, values: { ...row.values, done: done ? 1 : 0 } }));
      markLeft(row.id, done);
      const result = await call('records.update', { entity: 'activity', id: row.id, values: { done } });
      // Ticking changes neither owner nor team: what the row allows stays as the core said.
      if (result.ok) setOverrides((previous) => new Map(previous).set(row.id, { ...result.value, allowed: row.allowed }));
      else {
        setOverrides((previous) => new Map(previous).set(row.id, row));
        markLeft(row.id, Boolean(row.values.done));
        setToggleError({ key: 'activities.doneFailed', params: { message: result.error } });
      }
    },
    [markLeft],
  );

  const columns = useMemo<Column[]>(() => {
    const base = recordColumns(entity, fields, language, t, go, rights);
    const doneAccess = rights.field({ entity: 'activity', key: 'done' });
    // A masked Done shows its mask; otherwise a checkbox, which works exactly where the core lets
    // this user change that activity (RecordAllowed: its owner and team) and is read-only elsewhere.
    if (entity !== 'activity' || doneAccess === 'masked') return base;
    return base.map((column) =>
      column.key === 'done'
        ? {
            ...column,
            render: (row: ListRow) => (
              <input
                type="checkbox"
                className="row-check"
                aria-label={t('activities.markDone', { subject: row.title })}
                checked={Boolean(row.values.done)}
                disabled={!(row.allowed.update && doneAccess === 'edit')}
                onChange={(event) => void toggleDone(row, event.currentTarget.checked)}
              />
            ),
          }
        : column,
    );
  }, [entity, fields, language, t, go, rights, toggleDone]);

  // The core filters only on fields one may read in full.
  const filters = filterFields(fields, entity).filter(
    (field) =>
      (field.type !== 'reference' || field.key === 'organisation_id') &&
      ['read', 'edit'].includes(rights.field(field)) &&
      (field.type !== 'reference' || !field.references || rights.can(field.references, 'read')),
  );
  const setWhere = (key: string, value: string | number | boolean | null, title?: string) => {
    const nextWhere = { ...where };
    const nextTitles = { ...settings.whereTitles };
    if (value === null) {
      delete nextWhere[key];
      delete nextTitles[key];
    } else {
      nextWhere[key] = value;
      if (title !== undefined) nextTitles[key] = title;
    }
    onChange({ ...settings, where: nextWhere, whereTitles: nextTitles });
  };

  return (
    <>
      <div className="list-controls" role="group" aria-label={t('list.controls')}>
        {SORTABLE_BY_DUE.includes(entity) && (
          <span className="inline-field">
            <label htmlFor={`list-sort-${entity}`}>{t('list.sort')}</label>
            <select id={`list-sort-${entity}`} value={sort} onChange={(event) => onChange({ ...settings, sort: event.currentTarget.value as 'name' | 'due' })}>
              {(['due', 'name'] as const).map((option) => (
                <option key={option} value={option}>
                  {fields.find((field) => field.entity === entity && field.key === SORT_FIELDS[entity]?.[option])?.label[language] ??
                    // The field is switched off: the general word.
                    t(option === 'due' ? 'list.sortDue' : 'list.sortName')}
                </option>
              ))}
            </select>
          </span>
        )}
        {filters.map((field) => (
          <FilterControl
            key={field.key}
            field={field}
            value={where[field.key]}
            title={settings.whereTitles?.[field.key]}
            onChange={(value, title) => setWhere(field.key, value, title)}
          />
        ))}
        <label className="checkbox inline-check">
          <input type="checkbox" checked={settings.mine === true} onChange={(event) => onChange({ ...settings, mine: event.currentTarget.checked })} />
          <span>{t('list.mine')}</span>
        </label>
        {filtered && (
          <button type="button" className="button-small" onClick={() => onChange({ sort: settings.sort })}>
            {t('list.clearFilters')}
          </button>
        )}
      </div>
      {canDelete && (
        <div className="list-selection">
          <button type="button" className="button-small button-danger-quiet" disabled={selected.size === 0} onClick={() => setDeleting([...selected])}>
            {t('list.deleteSelected', { count: formatCount(selected.size, language) })}
          </button>
          {/* Rows without a tick box are not the user's to delete: said, so nobody wonders why. */}
          {deleteScope !== 'all' && (
            <span className="field-hint">{t(deleteScope === 'team' ? 'list.deleteTeamOnly' : 'list.deleteOwnOnly', { what: entityPlural(entity, language).toLowerCase() })}</span>
          )}
        </div>
      )}
      {myTasksFirst && <p className="muted list-note">{t('activities.myTasksFirst')}</p>}
      {toggleError && <Notice tone="error">{t(toggleError.key, toggleError.params)}</Notice>}
      <VirtualTable
        label={entityPlural(entity, language)}
        sources={sources}
        exclude={myTasksFirst ? exclude : undefined}
        columns={columns}
        total={total}
        emptyText={filtered ? t('list.emptyFiltered') : t('list.empty')}
        overrides={overrides}
        rowClassName={(row, source) => (myTasksFirst && source === 0 ? 'vt-row-mine' : undefined)}
        selection={selection}
      />
      {deleting && (
        <DeleteDialog
          entity={entity}
          ids={deleting}
          mode="trash"
          onCancel={() => setDeleting(null)}
          onDone={(result) => {
            setDeleting(null);
            setTicked({ query, ids: NOTHING_TICKED });
            history.deleted('trash', entity, deleting.length, result);
          }}
        />
      )}
    </>
  );
}

interface FilterControlProps {
  field: FieldInfo;
  value: string | number | boolean | undefined;
  title: string | undefined;
  onChange: (value: string | number | boolean | null, title?: string) => void;
}

function FilterControl({ field, value, title, onChange }: FilterControlProps) {
  const { t, language } = useI18n();
  const label = field.label[language];
  if (field.type === 'reference' && field.references) {
    const id = `filter-${field.entity}-${field.key}`;
    return (
      <div className="inline-field inline-picker">
        <label htmlFor={id}>{label}</label>
        <ReferencePicker
          id={id}
          target={field.references}
          label={label}
          value={typeof value === 'number' ? { id: value, title: title ?? `#${value}` } : null}
          onChange={(chosen) => onChange(chosen ? chosen.id : null, chosen?.title)}
        />
      </div>
    );
  }
  const options =
    field.type === 'boolean'
      ? [
          { value: 'true', label: t('common.yes') },
          { value: 'false', label: t('common.no') },
        ]
      : (field.options ?? []).map((option) => ({ value: option, label: optionLabel(field, option, language) }));
  const current = value === undefined ? '' : String(value);
  // The label stands beside the select, not around it: a select inside its label is named by the
  // label and the chosen option together ("Status All"), which no screen reader user asked for.
  const id = `filter-${field.entity}-${field.key}`;
  return (
    <span className="inline-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={current}
        onChange={(event) => {
          const chosen = event.currentTarget.value;
          onChange(chosen === '' ? null : field.type === 'boolean' ? chosen === 'true' : chosen);
        }}
      >
        <option value="">{t('list.all')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </span>
  );
}
