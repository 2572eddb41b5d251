/** How record values read on screen: money in euros, days in the user's language, options by label. */
import type { FieldInfo, RecordView, SearchHit, StoredValue } from '../../../shared/recordTypes';
import { entityDef, type EntityName } from '../../../shared/registry';
import { formatDay, formatMoney } from '../format';
import type { Language, Translate } from '../i18n/translate';

export function entitySingular(entity: EntityName, language: Language): string {
  return entityDef(entity).label.singular[language];
}

export function entityPlural(entity: EntityName, language: Language): string {
  return entityDef(entity).label.plural[language];
}

export function optionLabel(field: FieldInfo, option: string, language: Language): string {
  return field.optionLabels?.[option]?.[language] ?? option;
}

/** A value as text, or '' when there is none. References read as the title of what they point at. */
export function displayValue(
  field: FieldInfo,
  value: StoredValue | undefined,
  refs: RecordView['refs'],
  language: Language,
  t: Translate,
): string {
  if (value === null || value === undefined || value === '') return '';
  switch (field.type) {
    case 'money':
      return typeof value === 'number' ? formatMoney(value, language) : String(value);
    case 'date':
      return formatDay(String(value), language);
    case 'boolean':
      return value ? t('common.yes') : t('common.no');
    case 'enum':
      return optionLabel(field, String(value), language);
    case 'reference':
      return refs[field.key]?.title ?? '';
    default:
      return String(value);
  }
}

/** A search hit's second line: its details as the record's page shows them, joined by " · ". */
export function hitDetailsText(hit: SearchHit, fields: readonly FieldInfo[], language: Language, t: Translate): string {
  return hit.details
    .map(({ key, value }) => {
      const field = fields.find((f) => f.entity === hit.entity && f.key === key);
      return field ? displayValue(field, value, hit.refs, language, t) : (hit.refs[key]?.title ?? String(value));
    })
    .filter((text) => text !== '')
    .join(' · ');
}

/** A record's title, or a stand-in when its naming fields are empty. */
export function titleOf(record: { title: string }, t: Translate): string {
  return record.title.trim() === '' ? t('records.untitled') : record.title;
}
