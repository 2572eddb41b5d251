/** The frame around the screens before sign-in: a slim top bar with the settings, and a centred card. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { SettingsMenu } from './SettingsMenu';

export function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="auth-layout">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <SettingsMenu />
      </header>
      <main className="auth-main">
        <div className="card">{children}</div>
      </main>
    </div>
  );
}
