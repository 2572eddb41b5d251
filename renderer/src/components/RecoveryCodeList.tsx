/**
 * Recovery codes as they are shown once: a numbered list, a Copy button and a Save as file button.
 * The file is plain text named in the reader's language (kluis-recovery-codes.txt,
 * kluis-herstelcodes.txt), with one line saying what it is.
 */
import { recoveryCodesFileName } from '../../../shared/fileNames';
import { useI18n } from '../i18n/I18nProvider';
import { saveTextFile } from '../saveFile';
import { CopyButton } from './CopyButton';

export function RecoveryCodeList({ codes, userLabel }: { codes: readonly string[]; userLabel: string }) {
  const { t, language } = useI18n();
  const asText = codes.join('\n');
  return (
    <div className="recovery-codes">
      <ol className="code-list" aria-label={t('recovery.list')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <CopyButton text={asText} label={t('recovery.copy')} />
        <button
          type="button"
          className="button-quiet"
          onClick={() =>
            saveTextFile(recoveryCodesFileName(language), `${t('recovery.fileHeading', { name: userLabel })}\n\n${asText}\n`)
          }
        >
          {t('recovery.save')}
        </button>
      </div>
    </div>
  );
}
