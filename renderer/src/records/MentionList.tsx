/**
 * The records whose text names a person (Mentions, worked out by the core): beside an access request
 * and in an erasure's review, for the privacy officer to check by hand, since neither reaches them
 * by links. Each is its title and kind; on a page it is a link that opens the record, in a dialog
 * plain text (opening it would leave the dialog half-way).
 */
import { useId } from 'react';
import type { Mentions } from '../../../shared/recordTypes';
import { useI18n } from '../i18n/I18nProvider';
import { RecordLink } from './columns';
import { entitySingular } from './display';
import type { Route } from './navigation';

interface MentionListProps {
  mentions: Mentions;
  heading: string;
  note: string;
  /** Opens a record; without it the titles are text. */
  go?: (route: Route) => void;
}

export function MentionList({ mentions, heading, note, go }: MentionListProps) {
  const { t, language } = useI18n();
  const id = useId();
  if (mentions.records.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-heading`} className="impact-section mentions">
      <h3 id={`${id}-heading`}>{heading}</h3>
      <p className="muted">{note}</p>
      {/* It scrolls on its own when long: without links in it, a Tab stop, so the keyboard can scroll it. */}
      <ul className="impact-titles" tabIndex={go ? undefined : 0} aria-labelledby={`${id}-heading`}>
        {mentions.records.map((record) => (
          <li key={`${record.entity}:${record.id}`}>
            {go ? <RecordLink record={record} go={go} t={t} /> : record.title} ({entitySingular(record.entity, language)})
          </li>
        ))}
      </ul>
      {mentions.more && <p className="muted">{t('mentions.more', { name: mentions.name })}</p>}
    </section>
  );
}
