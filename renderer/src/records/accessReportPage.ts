/**
 * The access request as a page the person can read (GDPR art. 12(1): concise, intelligible, in plain
 * language), beside the JSON file that art. 20 asks for: the same report, in the reader's language,
 * as one self-contained HTML file to open in any browser or print. Every value goes through
 * `escapeHtml`, and the page allows no scripts, no loads and no forms (its own CSP), so a value that
 * looks like markup stays text.
 */
import type { AccessReport, AccessReportChange, AccessReportRecord, AccessReportValue } from '../../../shared/accessReportTypes';
import type { FieldInfo, StoredValue } from '../../../shared/recordTypes';
import { ENTITIES } from '../../../shared/registry';
import { actionText, targetText } from '../audit/describe';
import { formatDateTime } from '../format';
import type { Language, Translate } from '../i18n/translate';
import { displayValue, entitySingular } from './display';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = [
  'body{font:15px/1.5 system-ui,sans-serif;color:#1b1b1b;max-width:62rem;margin:2rem auto;padding:0 1rem}',
  'table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}',
  'th,td{border:1px solid #c8c8c8;padding:.35rem .5rem;text-align:left;vertical-align:top}',
  'th{background:#f2f2f2}',
  '.note{color:#4a4a4a}',
].join('');

/** The record's name from its title fields, as the app shows it; its kind and id when those are empty. */
function recordName(record: AccessReportRecord, language: Language): string {
  const title = ENTITIES[record.entity].titleFields
    .map((key) => record.values.find((value) => value.key === key)?.value)
    .filter((value) => value !== undefined && value !== null && value !== '')
    .join(' ');
  return title !== '' ? title : `${record.entityLabel[language]} ${record.id}`;
}

interface PageContext {
  fields: readonly FieldInfo[];
  language: Language;
  t: Translate;
  /** How long a deleted record stays in the trash (the journal keeps values as long). */
  trashDays: number;
}

/** A value as the app shows it: money in euros, days and options in the reader's language, a link by its title. */
function valueText(ctx: PageContext, entity: AccessReportRecord['entity'], key: string, value: StoredValue, linkTitle?: string | null): string {
  if (value === null || value === '') return '';
  const field = ctx.fields.find((f) => f.entity === entity && f.key === key);
  if (field?.type === 'reference') {
    return linkTitle ?? (field.references && typeof value === 'number' ? `${entitySingular(field.references, ctx.language)} ${value}` : String(value));
  }
  return field ? displayValue(field, value, {}, ctx.language, ctx.t) : String(value);
}

function table(headings: string[], rows: string[][]): string {
  const head = `<tr>${headings.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr>`;
  const body = rows.map((cells) => `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function valuesTable(ctx: PageContext, record: AccessReportRecord): string {
  const { language, t } = ctx;
  const rows = record.values.map((v: AccessReportValue) => [
    v.label[language],
    valueText(ctx, record.entity, v.key, v.value, v.linkTitle),
    v.purpose[language],
    v.legalBasisLabel[language],
    v.retention[language],
  ]);
  const trash = record.inTrash && record.deletedAt ? `<p class="note">${escapeHtml(t('accessReportPage.inTrash', { date: formatDateTime(record.deletedAt, language), days: ctx.trashDays }))}</p>\n` : '';
  return `${trash}${table([t('accessReportPage.field'), t('accessReportPage.value'), t('accessReportPage.purpose'), t('accessReportPage.legalBasis'), t('accessReportPage.retention')], rows)}`;
}

/**
 * A change that made a record and was not undone holds nothing the page does not show already: its
 * values are the record's values now, or the "before" of a later change. The JSON keeps it all.
 */
function onlyRepeats(change: AccessReportChange): boolean {
  return change.state === 'done' && change.values.every((v) => v.before === null);
}

function historyRows(ctx: PageContext, changes: readonly AccessReportChange[]): string[][] {
  const { language, t } = ctx;
  return changes.filter((change) => !onlyRepeats(change)).flatMap((change) => {
    const entity = change.target.slice(0, change.target.indexOf(':')) as AccessReportRecord['entity'];
    const record = `${targetText(change.target, language)}${change.state === 'undone' ? ` ${t('accessReportPage.undone')}` : ''}`;
    return change.values.map((v) => [
      formatDateTime(change.at, language),
      record,
      v.label[language],
      valueText(ctx, entity, v.key, v.before),
      valueText(ctx, entity, v.key, v.after),
    ]);
  });
}

/** The whole page, in `language`. */
export function accessReportHtml(report: AccessReport, fields: readonly FieldInfo[], language: Language, t: Translate): string {
  const ctx: PageContext = { fields, language, t, trashDays: report.history.keptForDays };
  const name = recordName(report.subject, language);
  const none = `<p>${escapeHtml(t('accessReportPage.none'))}</p>`;
  const linked = report.linked
    // Named as the tables of changes and of the audit log name it ("Activity 4016"), so a reader can match them.
    .map((record) => `<h3>${escapeHtml(`${targetText(`${record.entity}:${record.id}`, language)}: ${recordName(record, language)}`)}</h3>\n${valuesTable(ctx, record)}`)
    .join('\n');
  const history = historyRows(ctx, report.history.changes);
  const audit = report.audit.map((entry) => [formatDateTime(entry.at, language), actionText(entry.action, language), targetText(entry.target, language)]);
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('accessReportPage.title', { name }))}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(t('accessReportPage.heading', { organisation: report.organisation, name }))}</h1>
<p>${escapeHtml(t('accessReportPage.intro', { date: formatDateTime(report.generatedAt, language) }))}</p>
<h2>${escapeHtml(t('accessReportPage.person', { record: targetText(`contact:${report.subject.id}`, language) }))}</h2>
${valuesTable(ctx, report.subject)}
<h2>${escapeHtml(t('accessReportPage.linked'))}</h2>
${linked === '' ? none : linked}
<h2>${escapeHtml(t('accessReportPage.history'))}</h2>
<p>${escapeHtml(t('accessReportPage.historyIntro', { days: report.history.keptForDays, organisation: report.organisation }))}</p>
${history.length === 0 ? none : table([t('accessReportPage.when'), t('accessReportPage.record'), t('accessReportPage.field'), t('accessReportPage.before'), t('accessReportPage.after')], history)}
<h2>${escapeHtml(t('accessReportPage.audit'))}</h2>
<p>${escapeHtml(t('accessReportPage.auditIntro'))}</p>
${audit.length === 0 ? none : table([t('accessReportPage.when'), t('accessReportPage.action'), t('accessReportPage.record')], audit)}
<h2>${escapeHtml(t('accessReportPage.rights'))}</h2>
<p>${escapeHtml(t('accessReportPage.rightsText', { organisation: report.organisation }))}</p>
</body>
</html>
`;
}
