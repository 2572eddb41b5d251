/**
 * The retention review, for the privacy officer (the `privacy.erase` task): the people whose
 * business relationship has been silent for longer than their data is kept, the longest first, each
 * a link to their page, where the officer erases them or sees why they stay. The core decides who is
 * listed (electron/core/records/retention.ts); this page only shows it.
 */
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/errors';
import type { RetentionReview } from '../../../shared/recordTypes';
import { call } from '../api';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { formatDay } from '../format';
import { longDay } from '../../../shared/localDay';
import { useI18n } from '../i18n/I18nProvider';
import { RecordLink } from '../records/columns';
import { useNavigation } from '../records/navigation';

type Loaded = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready'; review: RetentionReview };

export function RetentionPage({ takeFocus }: { takeFocus: boolean }) {
  const { t, language } = useI18n();
  const { go } = useNavigation();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });

  useEffect(() => {
    let current = true;
    void call('privacy.retentionReview', {}).then((result) => {
      if (current) setLoaded(result.ok ? { kind: 'ready', review: result.value } : { kind: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, []);

  return (
    <section className="page">
      <PageHeading takeFocus={takeFocus}>{t('retention.title')}</PageHeading>
      {loaded.kind === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {loaded.kind === 'failed' && <Notice tone="error">{t('retention.loadFailed', { message: loaded.error })}</Notice>}
      {loaded.kind === 'ready' && (
        <>
          <p>{t('retention.intro', { years: loaded.review.years, since: longDay(loaded.review.since, language) })}</p>
          <p className="muted">{t('retention.howTo')}</p>
          {loaded.review.people.length === 0 ? (
            <p role="status">{t('retention.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table">
                <caption className="visually-hidden">{t('retention.listTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('retention.col.person')}</th>
                    <th scope="col">{t('retention.col.lastSeen')}</th>
                  </tr>
                </thead>
                <tbody>
                  {loaded.review.people.map((person) => (
                    <tr key={person.id}>
                      <td>
                        <RecordLink record={{ entity: 'contact', id: person.id, title: person.title }} go={go} t={t} />
                      </td>
                      <td>
                        <time dateTime={person.lastSeen}>{formatDay(person.lastSeen, language)}</time>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {loaded.review.more && <p className="muted">{t('retention.more', { count: loaded.review.people.length })}</p>}
        </>
      )}
    </section>
  );
}
