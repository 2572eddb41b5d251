/** Says plainly, wherever the key mode is known, that no OS keychain guards this install (DESIGN §3). */
import type { KeyMode } from '../../../shared/api';
import { useI18n } from '../i18n/I18nProvider';
import { Notice } from './Notice';

export function PassphraseOnlyNotice({ keyMode }: { keyMode: KeyMode | undefined }) {
  const { t } = useI18n();
  if (keyMode !== 'passphrase-only') return null;
  return <Notice tone="warning">{t('keyMode.passphraseOnly')}</Notice>;
}
