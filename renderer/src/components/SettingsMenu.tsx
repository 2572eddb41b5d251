/**
 * The settings disclosure in the header. For now it holds the language choice; a disclosure with a
 * radio group (not an ARIA menu) because it is a small form, and that is what it announces as.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { LANGUAGE_NAMES, LANGUAGES, languageFromLocale } from '../i18n/translate';

export function SettingsMenu() {
  const { language, setLanguage, t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const dateNoteId = useId();
  // Date fields are drawn in Chromium's locale, set when the app starts (the core keeps the choice
  // for then, see I18nProvider): until that start they may still speak another language.
  const datesInOtherLanguage = languageFromLocale(navigator.language) !== language;
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // Close on Escape (focus back to the button) and on a click elsewhere, as a popover should.
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  return (
    <div className="settings" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button-quiet"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        {t('settings.button')}
      </button>
      <div id={panelId} className="settings-panel" hidden={!open}>
        <fieldset aria-describedby={datesInOtherLanguage ? dateNoteId : undefined}>
          <legend>{t('settings.language')}</legend>
          {LANGUAGES.map((option) => (
            <label key={option} className="radio" lang={option}>
              <input
                type="radio"
                name={`${panelId}-language`}
                value={option}
                checked={language === option}
                onChange={() => setLanguage(option)}
              />
              {LANGUAGE_NAMES[option]}
            </label>
          ))}
          {datesInOtherLanguage && (
            <p id={dateNoteId} className="field-hint">
              {t('settings.dateFieldsAfterRestart')}
            </p>
          )}
        </fieldset>
      </div>
    </div>
  );
}
