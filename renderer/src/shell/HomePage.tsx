/**
 * The start page after sign-in: how many records there are, and the user's own open tasks: the
 * first few (earliest due first), how many there are and how many overdue, and the way to all of them.
 */
import { useEffect, useState } from 'react';
import type { RecordSummary, SessionInfo } from '../../../shared/api';
import { call } from '../api';
import { PageHeading } from '../components/PageHeading';
import { formatCount, formatDay, todayIso } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import { RecordLink } from '../records/columns';
import { entityPlural, entitySingular } from '../records/display';
import { LIST_ENTITIES, useNavigation, type ListEntity, type ListSettings } from '../records/navigation';
import { useRights } from '../records/rights';

/** How many of one's own tasks the page lists. */
const TASKS_SHOWN = 5;

/**
 * The user's own open tasks, as the panel lists them: the Activities list filtered on them (own,
 * not done) and sorted by due date, so the overdue ones come first, as here.
 */
const MY_OPEN_TASKS = { sort: 'due', mine: true, where: { done: false } } as const satisfies ListSettings;

/** An invoice not paid: sent, or reminded (a reminder makes it Overdue, reminder.ts). */
const UNPAID = ['sent', 'overdue'] as const;

export function HomePage({ session, takeFocus }: { session: SessionInfo; takeFocus: boolean }) {
  const { t, language } = useI18n();
  const { go } = useNavigation();
  const rights = useRights();
  const readable = LIST_ENTITIES.filter((entity) => rights.can(entity, 'read'));
  const readsActivities = rights.can('activity', 'read');
  const [counts, setCounts] = useState<Partial<Record<ListEntity, number>>>({});
  const [tasks, setTasks] = useState<RecordSummary[] | null>(null);
  const [taskCounts, setTaskCounts] = useState<{ total?: number; overdue?: number }>({});
  // For whoever erases: how many people are past their retention (RetentionPage lists them).
  const reviewsRetention = rights.hasTask('privacy.erase');
  const [pastRetention, setPastRetention] = useState<{ count: number; more: boolean } | null>(null);
  // For whoever sends payment reminders: the unpaid invoices past their due day, sent or reminded.
  const remindsPayment = rights.hasTask('finance.sendPaymentReminder') && rights.can('invoice', 'read');
  const [pastDue, setPastDue] = useState<Partial<Record<(typeof UNPAID)[number], number>>>({});

  useEffect(() => {
    let current = true;
    for (const entity of readable) {
      void call('records.count', { entity }).then((result) => {
        if (current && result.ok) setCounts((previous) => ({ ...previous, [entity]: result.value.count }));
      });
    }
    if (readsActivities) {
      const mine = { entity: 'activity', mine: MY_OPEN_TASKS.mine, where: MY_OPEN_TASKS.where } as const;
      void call('records.list', { ...mine, sort: MY_OPEN_TASKS.sort, limit: TASKS_SHOWN }).then((result) => {
        if (current) setTasks(result.ok ? result.value.rows : []);
      });
      // Overdue: due before today, the day each task below is called overdue by.
      for (const [key, filter] of [['total', {}], ['overdue', { dueBefore: todayIso() }]] as const) {
        void call('records.count', { ...mine, ...filter }).then((result) => {
          if (current && result.ok) setTaskCounts((previous) => ({ ...previous, [key]: result.value.count }));
        });
      }
    }
    if (remindsPayment) {
      for (const status of UNPAID) {
        void call('records.count', { entity: 'invoice', where: { status }, dueBefore: todayIso() }).then((result) => {
          if (current && result.ok) setPastDue((previous) => ({ ...previous, [status]: result.value.count }));
        });
      }
    }
    if (reviewsRetention) {
      void call('privacy.retentionReview', {}).then((result) => {
        if (current && result.ok) setPastRetention({ count: result.value.people.length, more: result.value.more });
      });
    }
    return () => {
      current = false;
    };
    // The rights are the session's; they do not change while this page is shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const pastDueTotal = UNPAID.every((status) => pastDue[status] !== undefined) ? UNPAID.reduce((sum, status) => sum + (pastDue[status] ?? 0), 0) : null;

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
          {tasks !== null && tasks.length > 0 && taskCounts.total !== undefined && (
            <p className="muted task-count">
              {taskCounts.total > tasks.length
                ? t('home.tasksShown', { shown: formatCount(tasks.length, language), total: formatCount(taskCounts.total, language) })
                : taskCounts.total === 1
                  ? t('home.tasksOne')
                  : t('home.tasksTotal', { total: formatCount(taskCounts.total, language) })}
              {taskCounts.overdue !== undefined && taskCounts.overdue > 0 && `, ${t('home.tasksOverdue', { count: formatCount(taskCounts.overdue, language) })}`}
            </p>
          )}
          {tasks !== null && tasks.length > 0 && (
            <a
              href="#activity"
              onClick={(event) => {
                event.preventDefault();
                go({ page: 'list', entity: 'activity', settings: MY_OPEN_TASKS });
              }}
            >
              {t('home.allTasks')}
            </a>
          )}
        </section>
      )}
      {remindsPayment && pastDueTotal !== null && (
        <section className="panel" aria-labelledby="home-past-due-title">
          <h3 id="home-past-due-title">{t('home.pastDue')}</h3>
          <p>
            {pastDueTotal === 0 ? t('home.pastDueNone') : pastDueTotal === 1 ? t('home.pastDueOne') : t('home.pastDueCount', { count: formatCount(pastDueTotal, language) })}
          </p>
          {pastDueTotal > 0 && (
            <ul className="plain-list">
              {UNPAID.filter((status) => (pastDue[status] ?? 0) > 0).map((status) => (
                <li key={status}>
                  <a
                    href={`#invoice-${status}`}
                    onClick={(event) => {
                      event.preventDefault();
                      go({ page: 'list', entity: 'invoice', settings: { sort: 'due', where: { status } } });
                    }}
                  >
                    {t(status === 'sent' ? 'home.pastDueSent' : 'home.pastDueReminded', { count: formatCount(pastDue[status] ?? 0, language) })}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {pastRetention !== null && pastRetention.count > 0 && (
        <section className="panel" aria-labelledby="home-retention-title">
          <h3 id="home-retention-title">{t('home.retention')}</h3>
          <p>
            {pastRetention.more
              ? t('home.retentionMore', { count: formatCount(pastRetention.count, language) })
              : pastRetention.count === 1
                ? t('home.retentionOne')
                : t('home.retentionCount', { count: formatCount(pastRetention.count, language) })}
          </p>
          <a
            href="#retention"
            onClick={(event) => {
              event.preventDefault();
              go({ page: 'retention' });
            }}
          >
            {t('home.retentionOpen')}
          </a>
        </section>
      )}
    </section>
  );
}
