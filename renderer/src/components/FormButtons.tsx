/**
 * The end of a small form that opened in place of its button: submit, and Cancel, which closes the
 * form and gives the keyboard back to the button that opened it (`onCancel` does both).
 */
import { BusyButton } from './BusyButton';
import { useI18n } from '../i18n/I18nProvider';

interface FormButtonsProps {
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  onCancel: () => void;
}

export function FormButtons({ busy, submitLabel, busyLabel, onCancel }: FormButtonsProps) {
  const { t } = useI18n();
  return (
    <div className="button-row">
      <BusyButton type="submit" className="button-primary" busy={busy}>
        {busy ? busyLabel : submitLabel}
      </BusyButton>
      <BusyButton className="button-quiet" busy={busy} onClick={onCancel}>
        {t('common.cancel')}
      </BusyButton>
    </div>
  );
}
