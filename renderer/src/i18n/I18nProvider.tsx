/**
 * Holds the chosen language for the whole app: remembers it in localStorage, starts from the
 * browser's language, and keeps `<html lang>` right so screen readers pronounce the page correctly.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { FieldReason } from '../../../shared/coreMessages';
import { call } from '../api';
import { coreReasonsText } from './core';
import type { MessageKey } from './en';
import { isLanguage, languageFromLocale, reasonText, reasonTexts, translate, type Language, type Reason, type Translate } from './translate';

const STORAGE_KEY = 'kluis.language';

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  /** A core error shows as a value: `t('x.failed', { message: result.error })` (see translate.ts). */
  t: Translate;
  /** What is wrong with a form field, in the current language (see Reason). */
  reasonText: (reason: Reason) => string;
  /** Each field's reason in the current language: for a form's `errors` merged at render time. */
  reasonTexts: <F extends string>(reasons: Partial<Record<F, Reason>>) => Partial<Record<F, string>>;
  /** Reasons (an import row's) as one line in the current language. */
  reasonsText: (reasons: readonly FieldReason[]) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be unavailable (privacy settings); the browser's language is a fine fallback.
  }
  return languageFromLocale(navigator.language);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered across restarts then, but the switch itself still works.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = translate(language, 'app.name');
  }, [language]);

  // Date fields follow Chromium's locale, which the app sets only when it starts: the core keeps
  // the language for the next start (electron/core/install/displayLanguage.ts). A failure to save
  // it costs nothing but that.
  useEffect(() => {
    void call('app.setDisplayLanguage', { language });
  }, [language]);

  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: (key: MessageKey, params) => translate(language, key, params),
      reasonText: (reason) => reasonText(reason, language),
      reasonTexts: (reasons) => reasonTexts(reasons, language),
      reasonsText: (reasons) => coreReasonsText(reasons, language),
    }),
    [language, setLanguage],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}
