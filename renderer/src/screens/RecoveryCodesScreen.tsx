/**
 * The recovery codes right after enrolment, shown once. The user confirms they stored them before
 * going on; until then this screen stays, even though the core has already signed them in.
 */
import { useState } from 'react';
import { AuthLayout } from '../components/AuthLayout';
import { CheckboxField } from '../components/CheckboxField';
import { RecoveryCodeList } from '../components/RecoveryCodeList';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/I18nProvider';

interface RecoveryCodesScreenProps {
  codes: readonly string[];
  /** Who the codes belong to, for the saved file. */
  userLabel: string;
  onContinue: () => void;
}

export function RecoveryCodesScreen({ codes, userLabel, onContinue }: RecoveryCodesScreenProps) {
  const { t } = useI18n();
  const [stored, setStored] = useState(false);
  return (
    <AuthLayout>
      <ScreenHeading>{t('recovery.title')}</ScreenHeading>
      <p className="lead">{t('recovery.intro')}</p>
      <RecoveryCodeList codes={codes} userLabel={userLabel} />
      <div className="stack">
        <CheckboxField
          label={t('recovery.stored')}
          checked={stored}
          onChange={(event) => setStored(event.currentTarget.checked)}
        />
        <div>
          <button type="button" className="button-primary" disabled={!stored} onClick={onContinue}>
            {t('recovery.continue')}
          </button>
        </div>
      </div>
    </AuthLayout>
  );
}
