/**
 * The small "why we ask" hint next to every form field (DESIGN §6): a button that names the purpose
 * and shows it when pressed, and a text the field itself is described by, so a screen reader reads
 * the purpose with the field.
 */
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';

export function PurposeHint({ id, purpose }: { id: string; purpose: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const text = t('fields.whyWeAsk', { purpose });
  return (
    <>
      <button
        type="button"
        className="purpose-button"
        aria-label={text}
        aria-expanded={open}
        aria-controls={id}
        title={text}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        <span aria-hidden="true">i</span>
      </button>
      <span id={id} className={open ? 'purpose-text' : 'visually-hidden'}>
        {text}
      </span>
    </>
  );
}
