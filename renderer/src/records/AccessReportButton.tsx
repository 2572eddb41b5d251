/**
 * "Access request (DSAR)" on a contact's page and on a contact's row in the trash (a person in the
 * trash is still held), for those with the task `privacy.dsar`: asks the
 * core for everything held about the person (GDPR art. 15; as JSON, art. 20), after a fresh code
 * when the core asks for one, and saves it as a file, named in the reader's language for the day
 * and the record's id, not the person (shared/fileNames.ts). The notice that says so offers the same
 * report as a page the person can read (accessReportPage.ts), made from the report already in hand:
 * no second request, no second audit entry. Below it, the records whose text names the person
 * without a link to them (privacy.mentions), which the report leaves out, for the officer to check.
 */
import { useEffect, useState } from 'react';
import type { AccessReport } from '../../../shared/accessReportTypes';
import type { Result } from '../../../shared/errors';
import type { Mentions } from '../../../shared/recordTypes';
import { ENTITIES, type EntityName } from '../../../shared/registry';
import { accessReportFileName } from '../../../shared/fileNames';
import { Notice } from '../components/Notice';
import { todayIso } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import { LANGUAGES, translate, type Language, type Message } from '../i18n/translate';
import { call } from '../api';
import { saveTextFile } from '../saveFile';
import { isStepUpCancelled, useStepUp } from '../stepUp';
import { accessReportHtml } from './accessReportPage';
import { useKnownFields } from './fields';
import { MentionList } from './MentionList';
import { useNavigation } from './navigation';
import { useRights } from './rights';

interface Props {
  record: { entity: EntityName; id: number };
  disabled: boolean;
  /** The accessible name where the visible text does not say whom it is for (a row in a table). */
  label?: string;
  className?: string;
  /** Shown where the page shows its other notices, not squeezed into the row of buttons. */
  onSaved: (saved: SavedAccessReport) => void;
  onFailed: (message: Message) => void;
}

/** A report saved as JSON: its file's name, and the report for a readable copy. */
export interface SavedAccessReport {
  fileName: string;
  report: AccessReport;
}

/**
 * What a page keeps of the button's outcome: the saved report for its notice, or the failure as the
 * page's error (either clears the other). Both pages with the button use it.
 */
export function useAccessReportOutcome(setError: (message: Message | null) => void) {
  const [saved, setSaved] = useState<SavedAccessReport | null>(null);
  return {
    saved,
    onSaved: (report: SavedAccessReport) => {
      setError(null);
      setSaved(report);
    },
    onFailed: (message: Message) => {
      setSaved(null);
      setError(message);
    },
  };
}

/** The records the report leaves out because only their text names the person, once it is saved. */
function useMentionsBeside(saved: SavedAccessReport | null): { of: SavedAccessReport; result: Result<Mentions> } | null {
  const [found, setFound] = useState<{ of: SavedAccessReport; result: Result<Mentions> } | null>(null);
  useEffect(() => {
    if (saved === null) return;
    let current = true;
    void call('privacy.mentions', { entity: 'contact', id: saved.report.subject.id }).then((result) => {
      if (current) setFound({ of: saved, result });
    });
    return () => {
      current = false;
    };
  }, [saved]);
  return found?.of === saved ? found : null;
}

/**
 * The language the person reads the copy in: their preferred language where Kluis speaks it, else
 * the window's (3 December, from a privacy officer's walk: a Dutch person's copy came out in English).
 */
function readerLanguage(report: AccessReport, fallback: Language): Language {
  const preferred = report.subject.values.find((value) => value.key === 'preferred_language')?.value;
  return LANGUAGES.find((language) => language === preferred) ?? fallback;
}

/** A language as the window names it: "Dutch" in English, "Nederlands" in Dutch. */
function languageName(language: Language, inLanguage: Language): string {
  return ENTITIES.contact.fields.find((f) => f.key === 'preferred_language')?.optionLabels?.[language]?.[inLanguage] ?? language;
}

/**
 * "… is saved as …", with a button that saves the readable copy of the same report, in the person's
 * language, and what to check before sending it; below it, the records that name the person without
 * being in the report, to check by hand.
 */
export function AccessReportSavedNotice({ saved }: { saved: SavedAccessReport | null }) {
  const { t, language } = useI18n();
  const fields = useKnownFields();
  const { go } = useNavigation();
  const [readable, setReadable] = useState<{ of: SavedAccessReport; fileName: string } | null>(null);
  const mentions = useMentionsBeside(saved);
  if (saved === null) return null;
  const readableFile = readable?.of === saved ? readable.fileName : null;

  const copyLanguage = readerLanguage(saved.report, language);

  function saveReadable(report: SavedAccessReport) {
    const fileName = accessReportFileName(copyLanguage, todayIso(new Date(report.report.generatedAt)), report.report.subject.id, 'html');
    const inCopyLanguage = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(copyLanguage, key, params);
    saveTextFile(fileName, accessReportHtml(report.report, fields, copyLanguage, inCopyLanguage), 'text/html');
    setReadable({ of: report, fileName });
  }

  return (
    <>
      <Notice tone="info">
        <span>
          {t('records.accessReportSaved', { file: saved.fileName })}
          {readableFile !== null && ` ${t('records.accessReportReadableSaved', { file: readableFile })}`}
        </span>{' '}
        <button type="button" className="button-quiet" onClick={() => saveReadable(saved)}>
          {t('records.accessReportReadable', { language: languageName(copyLanguage, language) })}
        </button>
      </Notice>
      <p className="muted">{t('records.accessReportCheck')}</p>
      {mentions?.result.ok === false && <Notice tone="error">{t('mentions.failed', { message: mentions.result.error })}</Notice>}
      {mentions?.result.ok && (
        <MentionList
          mentions={mentions.result.value}
          heading={t('mentions.reportHeading', { name: mentions.result.value.name })}
          note={t('mentions.reportNote')}
          go={go}
        />
      )}
    </>
  );
}

export function AccessReportButton({ record, disabled, label, className = 'button-quiet', onSaved, onFailed }: Props) {
  const { t, language } = useI18n();
  const rights = useRights();
  const { callWithStepUp } = useStepUp();
  const [busy, setBusy] = useState(false);

  if (record.entity !== 'contact' || !rights.hasTask('privacy.dsar')) return null;

  async function run() {
    setBusy(true);
    const result = await callWithStepUp('privacy.accessReport', { entity: 'contact', id: record.id });
    setBusy(false);
    if (!result.ok) {
      if (!isStepUpCancelled(result.error)) onFailed({ key: 'records.accessReportFailed', params: { message: result.error } });
      return;
    }
    const fileName = accessReportFileName(language, todayIso(new Date(result.value.generatedAt)), record.id);
    saveTextFile(fileName, `${JSON.stringify(result.value, null, 2)}\n`, 'application/json');
    onSaved({ fileName, report: result.value });
  }

  return (
    <button type="button" className={className} disabled={disabled || busy} aria-label={label} onClick={() => void run()}>
      {busy ? t('records.accessReportWorking') : t('records.accessReport')}
    </button>
  );
}
