/** "New contact", "New organisation", …: the record form for a new record, then its page. */
import type { RecordView } from '../../../shared/recordTypes';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { todayIso } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import { doneFollowsKindAndDay } from './activityDone';
import { typedFields, useFields } from './fields';
import { isListEntity, useNavigation, type NewEntity, type Preset } from './navigation';
import { RecordForm } from './RecordForm';
import { NEW_LABELS } from './RecordListPage';
import { useRights } from './rights';

/**
 * Sensible starting values: a new deal is a lead, a new invoice a draft, a new task due today, a
 * consent given today (a campaign starts as a draft in the core).
 */
const DEFAULTS: Partial<Record<NewEntity, Preset['values']>> = {
  deal: { stage: 'lead' },
  invoice: { status: 'draft' },
  activity: { kind: 'task', done: false },
};

export function NewRecordPage({ entity, preset, takeFocus }: { entity: NewEntity; preset?: Preset | undefined; takeFocus: boolean }) {
  const { t } = useI18n();
  const { state } = useFields();
  const rights = useRights();
  const { go, replace, back, canGoBack } = useNavigation();
  const start: Preset = {
    values: { ...DEFAULTS[entity], ...(entity === 'activity' ? { due_at: todayIso() } : entity === 'consent' ? { given_at: todayIso() } : {}), ...preset?.values },
    refs: { ...preset?.refs },
  };

  return (
    <section className="page">
      <PageHeading takeFocus={takeFocus}>{t(NEW_LABELS[entity])}</PageHeading>
      {state.kind === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {state.kind === 'failed' && <Notice tone="error">{t('fields.loadFailed', { message: state.error })}</Notice>}
      {state.kind === 'ready' && (
        <div className="panel">
          <RecordForm
            entity={entity}
            fields={typedFields(state.fields, entity).filter((field) => rights.field(field) === 'edit')}
            preset={start}
            // Opened to fill in: the keyboard starts in its first field, so typing goes there at once
            // (3 December, from a user walk). The heading has it while the fields load.
            focusFirstField={takeFocus}
            {...(entity === 'activity' ? { derive: doneFollowsKindAndDay } : {})}
            submitLabel={t('records.create')}
            busyLabel={t('records.saving')}
            onCancel={() => (canGoBack ? back() : go(isListEntity(entity) ? { page: 'list', entity } : { page: 'home' }))}
            // The new record takes the form's place, so Back leads to where the form was opened from.
            onSaved={(record: RecordView) => replace({ page: 'record', entity: record.entity, id: record.id })}
          />
        </div>
      )}
    </section>
  );
}
