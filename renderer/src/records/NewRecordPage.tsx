/** "New contact", "New organisation", …: the record form for a new record, then its page. */
import { useEffect, useState } from 'react';
import type { RecordView } from '../../../shared/recordTypes';
import { call } from '../api';
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
 * Sensible starting values: a new deal is a lead, a new invoice a draft due in 30 days (the payment
 * term the law sets where none was agreed), a new task due today, a consent given today (a
 * campaign starts as a draft in the core). An invoice's number is asked of the core (useNextNumber).
 */
const DEFAULTS: Partial<Record<NewEntity, Preset['values']>> = {
  deal: { stage: 'lead' },
  invoice: { status: 'draft' },
  activity: { kind: 'task', done: false },
};
const INVOICE_TERM_DAYS = 30;

function daysFromToday(days: number): string {
  const day = new Date();
  day.setDate(day.getDate() + days);
  return todayIso(day);
}

/**
 * The number the core offers a new invoice (the series continued), or undefined while it is asked.
 * Null when none follows or the question failed: the user types one, as before.
 */
function useNextNumber(wanted: boolean): string | null | undefined {
  const [number, setNumber] = useState<string | null | undefined>(wanted ? undefined : null);
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    void call('invoices.nextNumber', { entity: 'invoice' }).then((result) => {
      if (current) setNumber(result.ok ? result.value.number : null);
    });
    return () => {
      current = false;
    };
  }, [wanted]);
  return number;
}

export function NewRecordPage({ entity, preset, takeFocus }: { entity: NewEntity; preset?: Preset | undefined; takeFocus: boolean }) {
  const { t } = useI18n();
  const { state } = useFields();
  const rights = useRights();
  const { go, replace, back, canGoBack } = useNavigation();
  const nextNumber = useNextNumber(entity === 'invoice' && preset?.values.number === undefined);
  const dated: Preset['values'] = entity === 'activity' ? { due_at: todayIso() } : entity === 'consent' ? { given_at: todayIso() } : entity === 'invoice' ? { due_on: daysFromToday(INVOICE_TERM_DAYS) } : {};
  const start: Preset = {
    values: { ...DEFAULTS[entity], ...dated, ...(nextNumber ? { number: nextNumber } : {}), ...preset?.values },
    refs: { ...preset?.refs },
  };

  return (
    <section className="page">
      <PageHeading takeFocus={takeFocus}>{t(NEW_LABELS[entity])}</PageHeading>
      {(state.kind === 'loading' || (state.kind === 'ready' && nextNumber === undefined)) && <p className="muted">{t('common.loading')}</p>}
      {state.kind === 'failed' && <Notice tone="error">{t('fields.loadFailed', { message: state.error })}</Notice>}
      {/* The form takes its starting values once, so it waits for the number. */}
      {state.kind === 'ready' && nextNumber !== undefined && (
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
