/** The start page after sign-in: how many records there are, and the user's own open tasks. */
import { useEffect, useState } from 'react';
import type { RecordSummary, SessionInfo } from '../../../shared/api';
import { call } from '../api';
import { PageHeading } from '../components/PageHeading';
import { formatCount, formatDay, todayIso } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import { RecordLink } from '../records/columns';
import { entityPlural, entitySingular } from '../records/display';
import { LIST_ENTITIES, useNavigation, type ListEntity } from '../records/navigation';
import { useRights } from '../records/rights';

export function HomePage({ session, takeFocus }: { session: SessionInfo; takeFocus: boolean }) {
  const { t, language } = useI18n();
  const { go } = useNavigation();
  const rights = useRights();
  const readable = LIST_ENTITIES.filter((entity) => rights.can(entity, 'read'));
  const readsActivities = rights.can('activity', 'read');
  const [counts, setCounts] = useState<Partial<Record<ListEntity, number>>>({});
  const [tasks, setTasks] = useState<RecordSummary[] | null>(null);

  useEffect(() => {
    let current = true;
    for (const entity of readable) {
      void call('records.count', { entity }).then((result) => {
        if (current && result.ok) setCounts((previous) => ({ ...previous, [entity]: result.value.count }));
      });
    }
    if (readsActivities) {
      void call('records.list', { entity: 'activity', sort: 'due', mine: true, where: { done: false }, limit: 5 }).then((result) => {
        if (current) setTasks(result.ok ? result.value.rows : []);
      });
    }
    return () => {
      current = false;
    };
    // The rights are the session's; they do not change while this page is shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <section className="page">
      <PageHeading takeFocus={takeFocus}>{t('home.welcome', { name: session.user.displayName })}</PageHeading>
      <p>{t('home.intro')}</p>
      {readable.length > 0 && (
        <section className="panel" aria-labelledby="home-records-title">
          <h3 id="home-records-title">{t('home.records')}</h3>
          <ul className="overview">
            {readable.map((entity) => (
              <li key={entity}>
                <a
                  href={`#${entity}`}
                  className="overview-item"
                  onClick={(event) => {
                    event.preventDefault();
                    go({ page: 'list', entity });
                  }}
                >
                  <span className="overview-count">{counts[entity] === undefined ? '…' : formatCount(counts[entity], language)}</span>
                  {/* "1 Organisatie", not "1 Organisaties": the tile reads as one phrase. */}
                  <span className="overview-label">{counts[entity] === 1 ? entitySingular(entity, language) : entityPlural(entity, language)}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {readsActivities && (
        <section className="panel" aria-labelledby="home-tasks-title">
          <h3 id="home-tasks-title">{t('home.myTasks')}</h3>
          {tasks === null && <p className="muted">{t('common.loading')}</p>}
          {tasks !== null && tasks.length === 0 && <p className="muted">{t('home.noTasks')}</p>}
          {tasks !== null && tasks.length > 0 && (
            <ul className="plain-list task-list">
              {tasks.map((task) => (
                <li key={task.id}>
                  <RecordLink record={task} go={go} t={t} />
                  {typeof task.values.due_at === 'string' && (
                    <span className="muted">
                      {' · '}
                      <time dateTime={task.values.due_at}>{formatDay(task.values.due_at, language)}</time>
                    </span>
                  )}
                  {/* Said in words, not only by colour: the list is a task list, and late ones come first. */}
                  {typeof task.values.due_at === 'string' && task.values.due_at.slice(0, 10) < todayIso() && (
                    <strong className="overdue">
                      {' · '}
                      {t('home.overdue')}
                    </strong>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </section>
  );
}
