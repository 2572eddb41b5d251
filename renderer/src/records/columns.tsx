/** The columns of a record list: the title (a link to the record) and the listed enabled fields. */
import type { MouseEvent } from 'react';
import type { FieldInfo, ListRow } from '../../../shared/recordTypes';
import { entityDef, type EntityName } from '../../../shared/registry';
import type { Language, Translate } from '../i18n/translate';
import { todayIso } from '../format';
import { displayValue, titleOf } from './display';
import { listColumns } from './fields';
import type { Route } from './navigation';
import type { Rights } from './rights';
import type { Column } from './VirtualTable';

function widthFor(field: FieldInfo): { width: string; align?: 'end' } {
  switch (field.type) {
    case 'money':
      return { width: 'minmax(7rem, 9rem)', align: 'end' };
    case 'date':
      return { width: 'minmax(7rem, 9rem)' };
    case 'boolean':
      return { width: 'minmax(4rem, 6rem)' };
    case 'enum':
      return { width: 'minmax(6rem, 1fr)' };
    default:
      return { width: 'minmax(7rem, 1.5fr)' };
  }
}

/** The header of the title column: "Name" for people, else the label of the naming field. */
export function titleHeader(entity: EntityName, fields: readonly FieldInfo[], language: Language, t: Translate): string {
  const titleFields = entityDef(entity).titleFields;
  if (titleFields.length > 1) return t('list.name');
  return fields.find((field) => field.entity === entity && field.key === titleFields[0])?.label[language] ?? t('list.name');
}

/** A link that opens a record inside the shell (the href is for the semantics only). */
export function RecordLink({
  record,
  go,
  t,
  rowLink,
}: {
  record: { entity: EntityName; id: number; title: string };
  go: (route: Route) => void;
  t: Translate;
  rowLink?: boolean;
}) {
  return (
    <a
      href={`#${record.entity}-${record.id}`}
      className="record-link"
      data-row-link={rowLink ? '' : undefined}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        event.preventDefault();
        go({ page: 'record', entity: record.entity, id: record.id });
      }}
    >
      {titleOf(record, t)}
    </a>
  );
}

export function recordColumns(
  entity: EntityName,
  fields: readonly FieldInfo[],
  language: Language,
  t: Translate,
  go: (route: Route) => void,
  rights: Rights,
): Column[] {
  const title: Column = {
    key: '__title',
    header: titleHeader(entity, fields, language, t),
    width: 'minmax(10rem, 2fr)',
    render: (row: ListRow) => <RecordLink record={row} go={go} t={t} rowLink />,
  };
  return [
    title,
    // A column the user may not see at all is left out, not shown empty.
    ...listColumns(fields, entity)
      .filter((field) => rights.field(field) !== 'hidden')
      .map((field) => ({
      key: field.key,
      header: field.label[language],
      ...widthFor(field),
      render: (row: ListRow) =>
        entity === 'invoice' && field.key === 'due_on' && pastDue(row) ? (
          <span className="overdue">{t('invoice.pastDueCell', { date: displayValue(field, row.values[field.key], row.refs, language, t) })}</span>
        ) : (
          displayValue(field, row.values[field.key], row.refs, language, t)
        ),
    })),
  ];
}

/**
 * An unpaid invoice (sent, or reminded: overdue) past its due day. Its status changes only by a
 * reminder or by hand, so the list says it by the day (3 December: a walk's Finance user read a
 * sent invoice a month past due as in order).
 */
function pastDue(row: ListRow): boolean {
  const { status, due_on: dueOn } = row.values;
  return (status === 'sent' || status === 'overdue') && typeof dueOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(dueOn) && dueOn < todayIso();
}
