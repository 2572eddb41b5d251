/**
 * CSV import of contacts or organisations, in five steps: choose a file; map each column to an
 * enabled field or leave it out; check the preview (problems per row, duplicates by e-mail, name and organisation, the
 * columns that will not be stored); import with a progress bar and Cancel; read the summary.
 * The core reads the file, checks every row and stores only mapped columns (DESIGN §6).
 */
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { flushSync } from 'react-dom';
import type { FieldInfo, ImportPreview, ImportRowProblem, ImportSummary } from '../../../shared/recordTypes';
import { call, onEvent } from '../api';
import { BusyButton } from '../components/BusyButton';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { formatCount } from '../format';
import { newJobId } from '../jobId';
import { useI18n } from '../i18n/I18nProvider';
import type { Message, Translate } from '../i18n/translate';
import { entityPlural } from './display';
import { enabledFields, useFields } from './fields';
import { IMPORT_ENTITIES, useNavigation } from './navigation';
import { useRights } from './rights';

type ImportEntity = (typeof IMPORT_ENTITIES)[number];
type Mapping = Record<string, string | null>;
type Step = 'file' | 'mapping' | 'preview' | 'running' | 'summary';
const STEPS: Step[] = ['file', 'mapping', 'preview', 'running', 'summary'];
const MAX_FILE_BYTES = 50_000_000;

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/** "3 columns left out: BSN, Religion, Notes2" */
export function leftOutLine(columns: readonly string[], t: Translate): string {
  if (columns.length === 0) return t('import.leftOutNone');
  if (columns.length === 1) return t('import.leftOutOne', { columns: columns[0] ?? '' });
  return t('import.leftOutMany', { count: columns.length, columns: columns.join(', ') });
}

/**
 * Why the last import stopped, when this page is gone or going by the time the core answers: a lock
 * takes the whole app off the screen, and the core then takes the import back. Back on this page
 * after unlocking, the user reads that nothing was imported. Kept with whose import it was: someone else
 * signing in at this window after a sign-out is not told about it.
 */
let unseenRunError: { userId: number; message: Message } | null = null;

/** Rows the run will write: the valid ones, less the duplicates it is told to skip. */
export function rowsToWrite(preview: ImportPreview, duplicates: 'skip' | 'merge'): number {
  return duplicates === 'skip' ? preview.validRows - preview.duplicates.length : preview.validRows;
}

interface FileChoice {
  name: string;
  base64: string;
}

/** `userId`: who is signed in (see unseenRunError). */
export function ImportPage({ takeFocus, userId }: { takeFocus: boolean; userId: number }) {
  const { t, language } = useI18n();
  const { go } = useNavigation();
  const { state } = useFields();
  const rights = useRights();
  const id = useId();
  // An import makes records: only the kinds the user may create are offered (the core checks too).
  const creatable = IMPORT_ENTITIES.filter((option) => rights.can(option, 'create'));
  const [entity, setEntity] = useState<ImportEntity>(creatable[0] ?? 'contact');
  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<FileChoice | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [duplicates, setDuplicates] = useState<'skip' | 'merge'>('skip');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<Message | null>(() => (unseenRunError?.userId === userId ? unseenRunError.message : null));
  const [busy, setBusy] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const jobRef = useRef<string | null>(null);
  const stepHeadingRef = useRef<HTMLHeadingElement>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const mounted = useRef(false);

  useEffect(() => {
    mounted.current = true;
    // Shown now (the error state starts from it): the next visit starts clean.
    unseenRunError = null;
    return () => {
      mounted.current = false;
    };
  }, []);

  // Progress of our own job only; other windows may import at the same time.
  useEffect(
    () =>
      onEvent('import.progress', (payload) => {
        if (payload.jobId === jobRef.current) setProgress({ done: payload.done, total: payload.total });
      }),
    [],
  );

  function show(next: Step) {
    flushSync(() => setStep(next));
    stepHeadingRef.current?.focus();
  }

  function startOver() {
    setFile(null);
    setPreview(null);
    setSummary(null);
    setProgress(null);
    setMapping({});
    setError(null);
    show('file');
  }

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.currentTarget.files?.[0];
    setError(null);
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      setError({ key: 'import.tooLarge' });
      return;
    }
    setBusy(true);
    const base64 = toBase64(await chosen.arrayBuffer());
    const result = await call('import.preview', { entity, file: base64 });
    setBusy(false);
    if (!result.ok) {
      setError({ key: 'import.fileFailed', params: { message: result.error } });
      if (fileInputRef.current) fileInputRef.current.value = '';
      return;
    }
    setFile({ name: chosen.name, base64 });
    setMapping({ ...result.value.suggestedMapping });
    setPreview(result.value);
    show('mapping');
  }

  async function runPreview() {
    if (!file) return;
    setBusy(true);
    setError(null);
    const result = await call('import.preview', { entity, file: file.base64, mapping });
    setBusy(false);
    if (!result.ok) {
      setError({ key: 'import.previewFailed', params: { message: result.error } });
      return;
    }
    setPreview(result.value);
    show('preview');
  }

  async function runImport() {
    if (!file) return;
    const jobId = newJobId();
    jobRef.current = jobId;
    setError(null);
    setProgress(null);
    setCancelling(false);
    show('running');
    const result = await call('import.run', { entity, file: file.base64, mapping, duplicates, jobId });
    jobRef.current = null;
    if (!result.ok) {
      const failed: Message = { key: 'import.runFailed', params: { message: result.error } };
      // LOCKED: the lock that stopped it is taking the page off the screen, and may answer after
      // this does, so the page may still be here now and gone in a moment.
      if (!mounted.current || result.error.code === 'LOCKED') unseenRunError = { userId, message: failed };
      setError(failed);
      show('preview');
      return;
    }
    setSummary(result.value);
    show('summary');
  }

  async function cancel() {
    const jobId = jobRef.current;
    if (!jobId) return;
    setCancelling(true);
    const result = await call('import.cancel', { jobId });
    if (!result.ok) setError({ key: 'import.cancelFailed', params: { message: result.error } });
  }

  // Only fields the user may fill are offered; a column for any other is left out. Once the core has
  // read the file, its word counts: a right changed since this window was opened is in it.
  const mayFill = (field: FieldInfo) => (preview ? preview.editableFields.includes(field.key) : rights.field(field) === 'edit');
  const fields = state.kind === 'ready' ? enabledFields(state.fields, entity).filter(mayFill) : [];
  const stepIndex = STEPS.indexOf(step);
  const toWrite = preview ? rowsToWrite(preview, duplicates) : 0;
  const skipped = preview && duplicates === 'skip' ? preview.duplicates.length : 0;
  const stepTitles: Record<Step, string> = {
    file: t('import.step.file'),
    mapping: t('import.step.mapping'),
    preview: t('import.step.preview'),
    running: t('import.step.running'),
    summary: t('import.step.summary'),
  };

  return (
    <section className="page page-wide">
      <PageHeading takeFocus={takeFocus}>{t('import.title')}</PageHeading>
      <ol className="steps" aria-label={t('import.steps')}>
        {STEPS.map((name, index) => (
          <li key={name} aria-current={name === step ? 'step' : undefined} className={index < stepIndex ? 'step-done' : undefined}>
            {stepTitles[name]}
          </li>
        ))}
      </ol>

      <section className="panel" aria-labelledby={`${id}-step`}>
        <h3 id={`${id}-step`} ref={stepHeadingRef} tabIndex={-1}>
          {t('import.stepHeading', { number: stepIndex + 1, title: stepTitles[step] })}
        </h3>
        {error && <Notice tone="error">{t(error.key, error.params)}</Notice>}

        {step === 'file' && (
          <div className="stack-tight narrow-form">
            <p>{t('import.fileIntro')}</p>
            <fieldset className="radio-group">
              <legend>{t('import.entity')}</legend>
              {creatable.map((option) => (
                <label key={option} className="radio">
                  <input type="radio" name={`${id}-entity`} value={option} checked={entity === option} disabled={busy} onChange={() => setEntity(option)} />
                  {entityPlural(option, language)}
                </label>
              ))}
            </fieldset>
            <div className="field">
              <label htmlFor={`${id}-file`}>{t('import.file')}</label>
              <p id={`${id}-file-hint`} className="field-hint">
                {t('import.fileHint')}
              </p>
              <input
                ref={fileInputRef}
                id={`${id}-file`}
                type="file"
                accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values"
                aria-describedby={`${id}-file-hint`}
                disabled={busy}
                onChange={(event) => void chooseFile(event)}
              />
            </div>
            {busy && <p role="status">{t('import.reading')}</p>}
          </div>
        )}

        {step === 'mapping' && preview && (
          <>
            <p>
              {preview.totalRows === 1
                ? t('import.mappingIntroOne', { file: file?.name ?? '' })
                : t('import.mappingIntro', { file: file?.name ?? '', rows: formatCount(preview.totalRows, language) })}
            </p>
            <div className="table-scroll">
              <table className="table mapping-table">
                <caption className="visually-hidden">{t('import.mappingCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('import.col.column')}</th>
                    <th scope="col">{t('import.col.field')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.headers.map((header) => (
                    <tr key={header}>
                      <th scope="row">{header}</th>
                      <td>
                        <select
                          aria-label={t('import.mapTo', { column: header })}
                          value={mapping[header] ?? ''}
                          onChange={(event) => {
                            const value = event.currentTarget.value;
                            setMapping((previous) => ({ ...previous, [header]: value === '' ? null : value }));
                          }}
                        >
                          <option value="">{t('import.leaveOut')}</option>
                          {fields.map((field: FieldInfo) => (
                            <option key={field.key} value={field.key}>
                              {field.label[language]}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="strong left-out">{leftOutLine(preview.headers.filter((header) => !mapping[header]), t)}</p>
            <NotEditableColumns columns={preview.notEditable.filter(({ column }) => !mapping[column])} />
            <div className="button-row">
              <BusyButton className="button-primary" busy={busy} onClick={() => void runPreview()}>
                {busy ? t('import.checking') : t('import.toPreview')}
              </BusyButton>
              <BusyButton className="button-quiet" busy={busy} onClick={startOver}>
                {t('import.otherFile')}
              </BusyButton>
            </div>
          </>
        )}

        {step === 'preview' && preview && (
          <>
            <dl className="summary-list">
              <div>
                <dt>{t('import.totalRows')}</dt>
                <dd>{formatCount(preview.totalRows, language)}</dd>
              </div>
              <div>
                <dt>{t('import.validRows')}</dt>
                <dd>{formatCount(preview.validRows, language)}</dd>
              </div>
              <div>
                <dt>{t('import.problemRows')}</dt>
                {/* Every row that cannot be imported: also those whose only problem is a column
                    no header is mapped to, which the list below names once, at the header. */}
                <dd>{formatCount(preview.totalRows - preview.validRows, language)}</dd>
              </div>
            </dl>
            <p className="strong left-out">{leftOutLine(preview.leftOut, t)}</p>
            <NotEditableColumns columns={preview.notEditable.filter(({ column }) => preview.leftOut.includes(column))} />
            {preview.problems.length > 0 && <RowProblems title={t('import.problemsTitle')} problems={preview.problems} />}
            {preview.duplicates.length > 0 && (
              <section aria-labelledby={`${id}-dups`} className="import-section">
                <h4 id={`${id}-dups`}>{t(entity === 'organisation' ? 'import.duplicateNamesTitle' : 'import.duplicatesTitle', { count: preview.duplicates.length })}</h4>
                {entity === 'contact' && <p>{t('import.duplicatesHow')}</p>}
                <ul className="plain-list">
                  {preview.duplicates.map((duplicate) => (
                    <li key={duplicate.row}>
                      {t('import.duplicateRow', { row: duplicate.row, value: duplicate.value })}
                      {/* The run refuses a merge into them: said here, before the choice, not only in its report. */}
                      {duplicate.restricted && ` ${t('import.duplicateRestricted')}`}
                      {duplicate.sameAs !== undefined && ` ${t('import.duplicateSameAs', { row: duplicate.sameAs })}`}
                    </li>
                  ))}
                </ul>
                <fieldset className="radio-group">
                  <legend>{t('import.duplicatesChoice')}</legend>
                  <label className="radio">
                    <input type="radio" name={`${id}-duplicates`} checked={duplicates === 'skip'} onChange={() => setDuplicates('skip')} />
                    {t('import.duplicatesSkip')}
                  </label>
                  <label className="radio">
                    <input type="radio" name={`${id}-duplicates`} checked={duplicates === 'merge'} onChange={() => setDuplicates('merge')} />
                    {t('import.duplicatesMerge')}
                  </label>
                </fieldset>
              </section>
            )}
            {entity === 'contact' && preview.withoutMatch > 0 && (
              <p>{preview.withoutMatch === 1 ? t('import.withoutEmailOne') : t('import.withoutEmail', { count: formatCount(preview.withoutMatch, language) })}</p>
            )}
            {preview.sample.length > 0 && <SampleTable preview={preview} fields={fields} />}
            {toWrite === 0 && <p className="strong">{t('import.nothingToImport')}</p>}
            <div className="button-row">
              <button type="button" className="button-primary" disabled={toWrite === 0} onClick={() => void runImport()}>
                {toWrite === 1 ? t('import.runOne') : t('import.run', { count: formatCount(toWrite, language) })}
                {/* The check step counted them among the rows that can be imported: the label says where they went. */}
                {skipped > 0 && ` ${skipped === 1 ? t('import.runSkippedOne') : t('import.runSkipped', { count: formatCount(skipped, language) })}`}
              </button>
              <button type="button" className="button-quiet" onClick={() => show('mapping')}>
                {t('import.backToMapping')}
              </button>
            </div>
          </>
        )}

        {step === 'running' && (
          <div className="stack-tight">
            <label htmlFor={`${id}-progress`}>{t('import.progress')}</label>
            <progress id={`${id}-progress`} className="progress" max={progress?.total || undefined} value={progress ? progress.done : undefined} />
            <p role="status">
              {progress
                ? progress.total === 1
                  ? t('import.progressTextOne', { done: formatCount(progress.done, language) })
                  : t('import.progressText', { done: formatCount(progress.done, language), total: formatCount(progress.total, language) })
                : t('import.starting')}
            </p>
            <div className="button-row">
              <button type="button" className="button-quiet" disabled={cancelling} onClick={() => void cancel()}>
                {cancelling ? t('import.cancelling') : t('import.cancel')}
              </button>
            </div>
          </div>
        )}

        {step === 'summary' && summary && (
          <>
            {summary.cancelled && <Notice tone="warning">{t('import.cancelled')}</Notice>}
            <dl className="summary-list">
              <div>
                <dt>{t('import.imported')}</dt>
                <dd>{formatCount(summary.imported, language)}</dd>
              </div>
              <div>
                <dt>{t('import.merged')}</dt>
                <dd>{formatCount(summary.merged, language)}</dd>
              </div>
              <div>
                <dt>{t('import.skipped')}</dt>
                <dd>{formatCount(summary.skipped, language)}</dd>
              </div>
              <div>
                <dt>{t('import.organisationsCreated')}</dt>
                <dd>{formatCount(summary.organisationsCreated, language)}</dd>
              </div>
              <div>
                <dt>{t('import.problemRows')}</dt>
                <dd>{formatCount(summary.failed.length, language)}</dd>
              </div>
            </dl>
            <p className="strong left-out">{leftOutLine(summary.leftOut, t)}</p>
            {summary.failed.length > 0 && <RowProblems title={t('import.failedTitle')} problems={summary.failed} />}
            <div className="button-row">
              <button type="button" className="button-primary" onClick={() => go({ page: 'list', entity })}>
                {t('import.open', { what: entityPlural(entity, language) })}
              </button>
              <button type="button" className="button-quiet" onClick={startOver}>
                {t('import.another')}
              </button>
            </div>
          </>
        )}
      </section>
    </section>
  );
}

/** Why a left-out column is left out when it holds a field the importer may not fill in. */
function NotEditableColumns({ columns }: { columns: ImportPreview['notEditable'] }) {
  const { t, language } = useI18n();
  if (columns.length === 0) return null;
  return (
    <ul className="plain-list">
      {columns.map(({ column, field }) => (
        <li key={column}>{t('import.notEditable', { column, field: field[language] })}</li>
      ))}
    </ul>
  );
}

function RowProblems({ title, problems }: { title: string; problems: ImportRowProblem[] }) {
  const { t, reasonsText } = useI18n();
  const id = useId();
  return (
    <section aria-labelledby={id} className="import-section">
      <h4 id={id}>{title}</h4>
      <table className="table" aria-labelledby={id}>
        <thead>
          <tr>
            <th scope="col">{t('import.col.row')}</th>
            <th scope="col">{t('import.col.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem, index) => (
            <tr key={`${problem.row}-${index}`}>
              <th scope="row">{problem.row}</th>
              <td>{reasonsText(problem.reasons)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function SampleTable({ preview, fields }: { preview: ImportPreview; fields: FieldInfo[] }) {
  const { t, language } = useI18n();
  const keys = [...new Set(preview.sample.flatMap((row) => Object.keys(row.values)))];
  const labelOf = (key: string) => fields.find((field) => field.key === key)?.label[language] ?? key;
  return (
    <section className="import-section">
      <div className="table-scroll">
        <table className="table sample-table">
          <caption>{t('import.sampleTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.col.row')}</th>
              {keys.map((key) => (
                <th key={key} scope="col">
                  {labelOf(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((row) => (
              <tr key={row.row}>
                <th scope="row">{row.row}</th>
                {keys.map((key) => (
                  <td key={key}>{row.values[key] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
