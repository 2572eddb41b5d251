/**
 * A person's objection to direct marketing (GDPR art. 21(2)-(3)) on their page: once they objected,
 * their data is never again used for it, so everyone who opens the page reads it first, before a
 * campaign or a mailing takes them along. The day is an ordinary field of the person (set and
 * corrected in the form, undone as any edit); this is how it is seen.
 */
import type { RecordView } from '../../../shared/recordTypes';
import { longDay } from '../../../shared/localDay';
import { isMasked } from '../access/RevealButton';
import { Notice } from '../components/Notice';
import { useI18n } from '../i18n/I18nProvider';

export function MarketingObjection({ record }: { record: RecordView }) {
  const { t, language } = useI18n();
  const day = record.values.marketing_objection_on;
  if (typeof day !== 'string' || day === '' || isMasked(day)) return null;
  return (
    <Notice tone="warning">
      <strong>{t('objection.title', { date: longDay(day, language) })}</strong> {t('objection.effect')}
    </Notice>
  );
}
