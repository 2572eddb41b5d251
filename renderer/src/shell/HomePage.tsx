/** The start page after sign-in. Later features put their overview here. */
import type { SessionInfo } from '../../../shared/api';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/I18nProvider';

export function HomePage({ session, takeFocus }: { session: SessionInfo; takeFocus: boolean }) {
  const { t } = useI18n();
  return (
    <section className="page">
      <PageHeading takeFocus={takeFocus}>{t('home.welcome', { name: session.user.displayName })}</PageHeading>
      <p>{t('home.intro')}</p>
    </section>
  );
}
