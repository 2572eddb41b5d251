/**
 * One record: every enabled field (edited in place with the same form as "New …"), the records
 * related to it with their counts, and its timeline of activities with a form to log a call,
 * meeting, task or note. Invoices offer the payment reminder; every record can be deleted (to the
 * trash, with undo) and a contact erased, or their access request answered, by those allowed to.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ApiError } from '../../../shared/errors';
import type { FieldInfo, RecordDetail, RecordSummary, RecordView } from '../../../shared/recordTypes';
import { fieldDef, fixedReason, type EntityName } from '../../../shared/registry';
import { PublishButton } from '../access/PublishButton';
import { MarketingObjection } from './MarketingObjection';
import { CampaignRecipients } from './CampaignRecipients';
import { isMasked, RevealableValue } from '../access/RevealButton';
import { call } from '../api';
import { BusyButton, focusPageHeading } from '../components/BusyButton';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { formatCount, formatDateTime, formatDay, todayIso } from '../format';
import { RecordDeleteButtons } from '../history/RecordDeleteButtons';
import { AccessReportButton, AccessReportSavedNotice, useAccessReportOutcome } from './AccessReportButton';
import { ConsentWithdrawal } from './ConsentWithdrawal';
import { ProcessingRestriction, RESTRICTION_KEYS } from './ProcessingRestriction';
import { useI18n } from '../i18n/I18nProvider';
import type { Message } from '../i18n/translate';
import { longDay } from '../../../shared/localDay';
import { saveTextFile } from '../saveFile';
import { doneFollowsKindAndDay } from './activityDone';
import { RecordLink } from './columns';
import { displayValue, entityPlural, entitySingular, optionLabel, titleOf } from './display';
import { enabledFields, typedFields, useFields } from './fields';
import { isListEntity, useNavigation, type NewEntity, type Preset } from './navigation';
import { RecordForm } from './RecordForm';
import { useVisitState } from './unsavedInput';
import { NEW_LABELS } from './RecordListPage';
import { useRights } from './rights';

type Loaded = { kind: 'loading' } | { kind: 'failed'; error: ApiError; notFound: boolean } | { kind: 'ready'; detail: RecordDetail };

/** What a page with no related records says: nothing, nothing else than its timeline; "you may see" when that is not all. */
function noRelatedKey(hasTimeline: boolean, seesPart: boolean) {
  if (hasTimeline) return seesPart ? 'records.noRelatedVisibleButTimeline' : 'records.noRelatedButTimeline';
  return seesPart ? 'records.noRelatedVisible' : 'records.noRelated';
}

/** The records a timeline belongs to, and the entities one can start from a record's page. */
const TIMELINE_ENTITIES: readonly EntityName[] = ['contact', 'organisation', 'deal'];
const CHILDREN: Partial<Record<EntityName, { entity: NewEntity; via: string }[]>> = {
  organisation: [
    { entity: 'contact', via: 'organisation_id' },
    { entity: 'deal', via: 'organisation_id' },
    { entity: 'activity', via: 'organisation_id' },
    { entity: 'invoice', via: 'organisation_id' },
  ],
  // A consent has no list of its own: its person's page is where it is recorded.
  contact: [
    { entity: 'deal', via: 'contact_id' },
    { entity: 'activity', via: 'contact_id' },
    { entity: 'consent', via: 'contact_id' },
  ],
  deal: [{ entity: 'activity', via: 'deal_id' }],
};

/** The links a record started from another carries over from it, where the new kind has them. */
const CARRIED_LINKS = ['organisation_id', 'contact_id'] as const;

interface RecordDetailPageProps {
  entity: EntityName;
  id: number;
  takeFocus: boolean;
}

export function RecordDetailPage({ entity, id, takeFocus }: RecordDetailPageProps) {
  const { t, language } = useI18n();
  const { state: fieldsState } = useFields();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });

  const load = useCallback(async () => {
    const result = await call('records.get', { entity, id });
    setLoaded(
      result.ok
        ? { kind: 'ready', detail: result.value }
        : { kind: 'failed', error: result.error, notFound: result.error.code === 'NOT_FOUND' },
    );
  }, [entity, id]);

  useEffect(() => {
    let current = true;
    void call('records.get', { entity, id }).then((result) => {
      if (!current) return;
      setLoaded(
        result.ok
          ? { kind: 'ready', detail: result.value }
          : { kind: 'failed', error: result.error, notFound: result.error.code === 'NOT_FOUND' },
      );
    });
    return () => {
      current = false;
    };
  }, [entity, id]);

  if (loaded.kind === 'ready' && fieldsState.kind === 'ready') {
    return <RecordDetailView detail={loaded.detail} fields={fieldsState.fields} takeFocus={takeFocus} onChanged={load} />;
  }
  return (
    <section className="page">
      <BackLink entity={entity} />
      <PageHeading takeFocus={takeFocus}>{entitySingular(entity, language)}</PageHeading>
      {(loaded.kind === 'loading' || fieldsState.kind === 'loading') && <p className="muted">{t('common.loading')}</p>}
      {loaded.kind === 'failed' && (
        <Notice tone="error">{loaded.notFound ? t('records.notFound') : t('records.loadFailed', { message: loaded.error })}</Notice>
      )}
      {fieldsState.kind === 'failed' && <Notice tone="error">{t('fields.loadFailed', { message: fieldsState.error })}</Notice>}
    </section>
  );
}

function BackLink({ entity }: { entity: EntityName }) {
  const { t, language } = useI18n();
  const { back, canGoBack, go } = useNavigation();
  if (canGoBack) {
    return (
      <button type="button" className="back-link" onClick={back}>
        <span aria-hidden="true">← </span>
        {t('records.back')}
      </button>
    );
  }
  if (!isListEntity(entity)) return null;
  return (
    <button type="button" className="back-link" onClick={() => go({ page: 'list', entity })}>
      <span aria-hidden="true">← </span>
      {t('records.toList', { what: entityPlural(entity, language) })}
    </button>
  );
}

interface RecordDetailViewProps {
  detail: RecordDetail;
  fields: FieldInfo[];
  takeFocus: boolean;
  onChanged: () => Promise<void>;
}

function RecordDetailView({ detail, fields, takeFocus, onChanged }: RecordDetailViewProps) {
  const { t, language } = useI18n();
  const { go } = useNavigation();
  const rights = useRights();
  const { record, related, timeline, timelineTotal, allowed } = detail;
  const entity = record.entity;
  // The fields in force that the core returned for this record (it leaves out what may not be seen).
  // A person's restriction of processing is shown as its own notice (ProcessingRestriction).
  const shown = enabledFields(fields, entity).filter((field) => field.key in record.values && !(entity === 'contact' && RESTRICTION_KEYS.has(field.key)));
  // Not what no longer changes (a consent's person and purpose, a published campaign's message):
  // the core refuses a change.
  const editable = typedFields(fields, entity).filter(
    (field) => field.key in record.values && rights.field(field) === 'edit' && fixedReason(entity, field.key, record.values) === null,
  );
  const canEdit = allowed.update && editable.length > 0;
  const fixedShown = shown.filter((field) => fixedReason(entity, field.key, record.values) !== null);
  // A reminder is for an unpaid invoice past its due day, one a day; the core refuses any other (reminder.ts).
  const status = record.values.status;
  const dueOn = record.values.due_on;
  const remindable = entity === 'invoice' && rights.hasTask('finance.sendPaymentReminder') && (status === 'sent' || status === 'overdue') && typeof dueOn === 'string';
  const canRemind = remindable && dueOn < todayIso() && record.values.reminder_sent_at !== todayIso();
  // Where the button is not there yet for an unpaid invoice, a line says when it will be.
  const remindLater: Message | null = !remindable || canRemind ? null : dueOn >= todayIso() ? { key: 'invoice.reminderAfterDue', params: { date: longDay(dueOn, language) } } : { key: 'invoice.reminderTomorrow' };
  const [editing, setEditing] = useState(false);
  // Kept when saving lets a deferred refresh show the page afresh (unsavedInput.tsx).
  const [saved, setSaved] = useVisitState('saved', false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Message | null>(null);
  const [reminder, setReminder] = useState<{ sentAt: string; fileName: string } | null>(null);
  const accessReport = useAccessReportOutcome(setError);
  const editRef = useRef<HTMLButtonElement>(null);
  const title = titleOf(record, t);

  async function sendReminder() {
    setBusy(true);
    setError(null);
    setReminder(null);
    const result = await call('invoices.sendReminder', { id: record.id });
    setBusy(false);
    if (!result.ok) {
      setError({ key: 'invoice.reminderFailed', params: { message: result.error } });
      return;
    }
    saveTextFile(result.value.fileName, result.value.text);
    setReminder({ sentAt: result.value.sentAt, fileName: result.value.fileName });
    await onChanged();
    // A sent reminder takes its button away (the next may go tomorrow): the keyboard goes to the
    // page's heading rather than to nowhere, as after publishing a campaign.
    focusPageHeading();
  }

  // A restricted person gets no new deal (the core refuses the link, records/restriction.ts).
  const restricted = entity === 'contact' && Boolean(record.values.restricted_since);
  const children = (CHILDREN[entity] ?? []).filter((child) => rights.can(child.entity, 'create') && !(restricted && child.entity === 'deal'));
  // Whoever reads only their own or their team's records may not see all that is linked here.
  const seesPart = (CHILDREN[entity] ?? []).some((child) => !rights.readsAll(child.entity));
  const presetFor = (child: { entity: NewEntity; via: string }): Preset => {
    const values: Preset['values'] = { [child.via]: record.id };
    const refs: NonNullable<Preset['refs']> = { [child.via]: { id: record.id, title: record.title } };
    // A deal started from a contact belongs to the contact's organisation as well; an activity
    // started from a deal to the deal's organisation and contact.
    for (const link of CARRIED_LINKS) {
      const carried = record.refs[link];
      if (link !== child.via && carried && fieldDef(child.entity, link)) {
        values[link] = carried.id;
        refs[link] = carried;
      }
    }
    return { values, refs };
  };

  /** The fields as the page shows them: masked ones with their reveal, the rest as values. */
  const fieldList = (list: FieldInfo[], className = 'field-list') => (
    <dl className={className}>
      {list.map((field) => (
        <div key={field.key} className={field.type === 'longText' ? 'field-list-item field-list-wide' : 'field-list-item'}>
          <dt>{field.label[language]}</dt>
          <dd>
            {isMasked(record.values[field.key]) ? (
              <RevealableValue
                entity={entity}
                id={record.id}
                field={field.key}
                label={field.label[language]}
                masked={String(record.values[field.key])}
                revealable={field.sensitivity !== 'special'}
              />
            ) : (
              <FieldValue field={field} record={record} />
            )}
          </dd>
        </div>
      ))}
    </dl>
  );

  return (
    <section className="page record-page">
      <BackLink entity={entity} />
      <div className="page-title-row">
        <div>
          <p className="eyebrow">{entitySingular(entity, language)}</p>
          <PageHeading takeFocus={takeFocus}>{title}</PageHeading>
        </div>
        <div className="button-row">
          {/* Not beside an open form: it publishes what is saved, not what is typed. "Campaign published." is news only until an edit starts. */}
          {entity === 'campaign' && !editing && <PublishButton id={record.id} status={record.values.status} onPublished={() => void onChanged()} />}
          {/* Not beside an open form: the letter would hold the saved amount, not the one typed. */}
          {canRemind && !editing && (
            <BusyButton className="button-primary" busy={busy} onClick={() => void sendReminder()}>
              {t('invoice.sendReminder')}
            </BusyButton>
          )}
          {canEdit && !editing && (
            <button
              ref={editRef}
              type="button"
              className="button-quiet"
              disabled={busy}
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('records.edit')}
            </button>
          )}
          <AccessReportButton
            record={record}
            disabled={busy}
            onSaved={accessReport.onSaved}
            onFailed={accessReport.onFailed}
          />
          {/* Who did what to this record, from the audit log: for those who may read the log. */}
          {rights.hasTask('audit.read') && (
            <button type="button" className="button-quiet" onClick={() => go({ page: 'audit', about: { entity, id: record.id, title } })}>
              {t('records.auditTrail')}
            </button>
          )}
          {/* Not while the form is open: its unsaved input would meet a record gone to the trash. */}
          {!editing && <RecordDeleteButtons record={record} mayDelete={allowed.delete} disabled={busy} />}
        </div>
      </div>

      {error && <Notice tone="error">{t(error.key, error.params)}</Notice>}
      {remindLater && <p className="field-hint">{t(remindLater.key, remindLater.params)}</p>}
      {reminder && (
        <Notice tone="info">
          {t('invoice.reminderSent', { date: formatDateTime(reminder.sentAt, language), file: reminder.fileName })}
        </Notice>
      )}
      <AccessReportSavedNotice saved={accessReport.saved} />
      {saved && <Notice tone="info">{t('records.saved')}</Notice>}
      {entity === 'consent' && (
        <ConsentWithdrawal
          record={record}
          // Who may give consents records their withdrawal too (mayRecordWithdrawal in the core).
          mayRecord={(allowed.update || rights.can('consent', 'create')) && rights.field({ entity, key: 'withdrawn_at' }) === 'edit' && ['read', 'edit'].includes(rights.field({ entity, key: 'given_at' }))}
          disabled={busy || editing}
          onRecorded={() => void onChanged()}
        />
      )}

      {entity === 'contact' && (
        <MarketingObjection
          record={record}
          // Whoever may edit the person sets the day in the form; the officer, who may not, by this action.
          mayRecord={rights.hasTask('privacy.dsar') && !allowed.update}
          disabled={busy || editing}
          onRecorded={() => void onChanged()}
        />
      )}
      {entity === 'contact' && (
        <ProcessingRestriction record={record} mayChange={rights.hasTask('privacy.erase')} disabled={busy || editing} onChanged={() => void onChanged()} />
      )}

      <section className="panel" aria-labelledby="record-fields-title">
        <h3 id="record-fields-title">{t('records.details')}</h3>
        {editing ? (
          <>
            {/* What is set once and never edited (a consent's person and purpose) stays in view, as text. */}
            {fixedShown.length > 0 && fieldList(fixedShown, 'field-list field-list-fixed')}
            <RecordForm
              entity={entity}
              fields={editable}
              record={record}
              submitLabel={t('records.save')}
              busyLabel={t('records.saving')}
              focusFirstField
              onCancel={() => {
                flushSync(() => setEditing(false));
                editRef.current?.focus();
                // The record as it is now: someone may have changed it while the form was open
                // (the form's conflict message says Cancel shows their change).
                void onChanged();
              }}
              onSaved={() => {
                flushSync(() => {
                  setEditing(false);
                  setSaved(true);
                });
                editRef.current?.focus();
                void onChanged();
              }}
            />
          </>
        ) : (
          fieldList(shown)
        )}
      </section>

      {entity === 'campaign' && <CampaignRecipients record={record} />}

      {(related.length > 0 || children.length > 0) && (
        <section className="panel" aria-labelledby="record-related-title">
          <h3 id="record-related-title">{t('records.related')}</h3>
          {children.length > 0 && (
            <div className="button-row related-actions">
              {children.map((child) => (
                <button key={child.entity} type="button" className="button-small" onClick={() => go({ page: 'new', entity: child.entity, preset: presetFor(child) })}>
                  {t(NEW_LABELS[child.entity])}
                </button>
              ))}
            </div>
          )}
          {related.length === 0 && <p className="muted">{t(noRelatedKey(timeline !== null && timeline.length > 0, seesPart))}</p>}
          <div className="related-groups">
            {related.map((group) => {
              const headingId = `related-${group.entity}-${group.via}`;
              return (
                <section key={`${group.entity}-${group.via}`} aria-labelledby={headingId} className="related-group">
                  <h4 id={headingId}>
                    {entityPlural(group.entity, language)} <span className="count">({group.count})</span>
                  </h4>
                  <ul className="related-list">
                    {group.rows.map((row) => (
                      <li key={row.id}>
                        <RecordLink record={row} go={go} t={t} />
                        {typeof row.values.withdrawn_at === 'string' && (
                          <span className="muted"> ({t('consent.withdrawnShort', { date: formatDay(row.values.withdrawn_at, language) })})</span>
                        )}
                      </li>
                    ))}
                  </ul>
                  {group.count > group.rows.length && (
                    <AllLinkedLink entity={group.entity} via={group.via} record={record}>
                      {t('records.andMore', { count: formatCount(group.count - group.rows.length, language) })}
                    </AllLinkedLink>
                  )}
                </section>
              );
            })}
          </div>
        </section>
      )}

      {TIMELINE_ENTITIES.includes(entity) && rights.can('activity', 'read') && <Timeline record={record} timeline={timeline} total={timelineTotal} fields={fields} onLogged={onChanged} />}
    </section>
  );
}

function FieldValue({ field, record }: { field: FieldInfo; record: RecordView }) {
  const { t, language } = useI18n();
  const { go } = useNavigation();
  const value = record.values[field.key];
  if (field.type === 'reference' && field.references) {
    const target = record.refs[field.key];
    if (!target) return <span className="muted">{t('records.none')}</span>;
    return <RecordLink record={{ entity: field.references, id: target.id, title: target.title }} go={go} t={t} />;
  }
  const text = displayValue(field, value, record.refs, language, t);
  if (text === '') return <span className="muted">{t('records.none')}</span>;
  return <span className={field.type === 'longText' ? 'value-text value-long' : 'value-text'}>{text}</span>;
}

interface TimelineProps {
  record: RecordView;
  timeline: RecordSummary[] | null;
  /** All activities linked to the record, of which the timeline shows the nearest to today. */
  total: number | null;
  fields: FieldInfo[];
  onLogged: () => Promise<void>;
}

const LINK_FIELDS: Partial<Record<EntityName, string>> = { contact: 'contact_id', organisation: 'organisation_id', deal: 'deal_id' };

function Timeline({ record, timeline, total, fields, onLogged }: TimelineProps) {
  const { t, language } = useI18n();
  const { go } = useNavigation();
  const rights = useRights();
  const [formKey, setFormKey] = useState(0);
  const [logged, setLogged] = useState<Message | null>(null);
  const kindField = fields.find((field) => field.entity === 'activity' && field.key === 'kind');
  const activityFields = enabledFields(fields, 'activity').filter((field) => field.type !== 'reference' && rights.field(field) === 'edit');
  const canLog = rights.can('activity', 'create');

  // The activity belongs to this record, and to the organisation (and contact) it belongs to.
  const fixedValues: Record<string, number> = {};
  const link = LINK_FIELDS[record.entity];
  if (link) fixedValues[link] = record.id;
  if (record.entity !== 'organisation' && record.refs.organisation_id) fixedValues.organisation_id = record.refs.organisation_id.id;
  if (record.entity === 'deal' && record.refs.contact_id) fixedValues.contact_id = record.refs.contact_id.id;
  const activityKeys = new Set(enabledFields(fields, 'activity').map((field) => field.key));
  const fixed = Object.fromEntries(Object.entries(fixedValues).filter(([key]) => activityKeys.has(key)));

  return (
    <section className="panel" aria-labelledby="record-timeline-title">
      <h3 id="record-timeline-title">{t('timeline.title')}</h3>
      {canLog && (
        <details className="log-activity" open>
          <summary>{t('timeline.logTitle')}</summary>
          {logged && <Notice tone="info">{t(logged.key, logged.params)}</Notice>}
          <RecordForm
            key={formKey}
            entity="activity"
            fields={activityFields}
            preset={{ values: { kind: 'call', due_at: todayIso(), done: true } }}
            derive={doneFollowsKindAndDay}
            fixedValues={fixed}
            submitLabel={t('timeline.log')}
            busyLabel={t('timeline.logging')}
            // After one is added, the fresh form is ready for the next; the notice says it worked.
            focusFirstField={formKey > 0}
            onSaved={(activity) => {
              setLogged({ key: 'timeline.logged', params: { subject: activity.title } });
              setFormKey((key) => key + 1);
              void onLogged();
            }}
            // Escape after typing asks, then gives a fresh form (focused, as after a save).
            onDiscard={() => {
              setLogged(null);
              setFormKey((key) => key + 1);
            }}
          />
        </details>
      )}
      {timeline === null ? (
        <p className="muted">{t('timeline.withheld')}</p>
      ) : timeline.length === 0 ? (
        <p className="muted">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline" aria-label={t('timeline.title')}>
          {timeline.map((activity) => {
            const kind = String(activity.values.kind ?? '');
            const due = activity.values.due_at;
            return (
              <li key={activity.id} className="timeline-item">
                <span className={`kind-badge kind-${kind}`}>{kindField ? optionLabel(kindField, kind, language) : kind}</span>
                <div className="timeline-body">
                  <RecordLink record={activity} go={go} t={t} />
                  <span className="timeline-meta">
                    {typeof due === 'string' && (
                      <>
                        <time dateTime={due}>{formatDay(due, language)}</time>
                        {' · '}
                      </>
                    )}
                    {activity.values.done ? t('timeline.done') : t('timeline.open')}
                  </span>
                  {typeof activity.values.body === 'string' && activity.values.body !== '' && <p className="timeline-text">{activity.values.body}</p>}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {timeline !== null && total !== null && link && total > timeline.length && (
        <p>
          {t('timeline.nearest', { shown: formatCount(timeline.length, language), total: formatCount(total, language) })}{' '}
          <AllLinkedLink entity="activity" via={link} record={record}>
            {t('timeline.all', { total: formatCount(total, language) })}
          </AllLinkedLink>
        </p>
      )}
    </section>
  );
}

/**
 * The list of every record of a kind that links to this one (its activities, its contacts), for
 * when the page shows only the first few: the list filtered on the link, named by this record.
 */
function AllLinkedLink({ entity, via, record, children }: { entity: EntityName; via: string; record: RecordView; children: string }) {
  const { go } = useNavigation();
  if (!isListEntity(entity)) return <p className="muted">{children}</p>;
  return (
    <button
      type="button"
      className="record-link"
      onClick={() => go({ page: 'list', entity, settings: { where: { [via]: record.id }, whereTitles: { [via]: record.title } } })}
    >
      {children}
    </button>
  );
}
