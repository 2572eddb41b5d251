/**
 * What a deletion takes with it, as the core worked it out (DeleteImpact): for one record with
 * nothing else attached, one sentence; otherwise the chosen records, what goes with them, what
 * stays but loses its link, what stays linked because it needs them (invoices), and what blocks a
 * permanent deletion, each as counts per kind; for an erasure, the records left that name the person.
 */
import { useId } from 'react';
import type { DeleteImpact, DeleteMode, EntityCount } from '../../../shared/historyTypes';
import { formatCount } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/en';
import type { Language, Translate } from '../i18n/translate';
import { MentionList } from '../records/MentionList';
import { entityCount } from './words';

const WHAT_HAPPENS: Record<DeleteMode, { one: MessageKey; many: MessageKey }> = {
  trash: { one: 'delete.toTrashOne', many: 'delete.toTrashMany' },
  purge: { one: 'delete.purgeOne', many: 'delete.purgeMany' },
  erase: { one: 'delete.eraseOne', many: 'delete.eraseOne' },
};

const MOVES_HEADING: Record<DeleteMode, MessageKey> = {
  trash: 'delete.movesHeading.trash',
  purge: 'delete.movesHeading.purge',
  erase: 'delete.movesHeading.erase',
};

const MOVES_ALONG: Record<DeleteMode, { one: MessageKey; many: MessageKey }> = {
  trash: { one: 'delete.movesAlong.trashOne', many: 'delete.movesAlong.trash' },
  purge: { one: 'delete.movesAlong.purgeOne', many: 'delete.movesAlong.purge' },
  erase: { one: 'delete.movesAlong.eraseOne', many: 'delete.movesAlong.erase' },
};

/** "2 activities and 1 consent", joined the way the language joins a list. */
export function countList(counts: EntityCount[], language: Language): string {
  const items = counts.map((item) => entityCount(item.entity, item.count, language));
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}

/**
 * "Its own 1 activity goes to the trash with it", "Its own 2 activities go …": the verb is singular
 * only for one record of one kind; a list ("1 activity and 1 consent") takes the plural.
 */
export function movesAlongText(mode: DeleteMode, moves: EntityCount[], t: Translate, language: Language): string {
  const one = moves.length === 1 && moves[0]?.count === 1;
  return t(MOVES_ALONG[mode][one ? 'one' : 'many'], { list: countList(moves, language) });
}

interface ImpactSummaryProps {
  impact: DeleteImpact;
  /** The id of the sentence that says what happens, for the dialog's description. */
  textId: string;
}

export function ImpactSummary({ impact, textId }: ImpactSummaryProps) {
  const { t, language } = useI18n();
  const id = useId();
  const whatHappens = WHAT_HAPPENS[impact.mode][impact.count === 1 ? 'one' : 'many'];
  const title = impact.titles[0] ?? '';

  if (impact.level === 'simple') {
    return (
      <div id={textId}>
        <p>{t(whatHappens, { title })}</p>
        {impact.moves.length > 0 && <p>{movesAlongText(impact.mode, impact.moves, t, language)}</p>}
      </div>
    );
  }

  const section = (key: string, heading: string, counts: EntityCount[], note?: string) => (
    <section aria-labelledby={`${id}-${key}`} className="impact-section">
      <h3 id={`${id}-${key}`}>{heading}</h3>
      {note && <p className="muted">{note}</p>}
      <ul className="impact-counts">
        {counts.map((item) => (
          <li key={item.entity}>{entityCount(item.entity, item.count, language)}</li>
        ))}
      </ul>
    </section>
  );
  const hidden = impact.count - impact.titles.length;

  return (
    <div className="impact">
      <p id={textId}>{t(whatHappens, { title })}</p>
      <section aria-labelledby={`${id}-chosen`} className="impact-section">
        <h3 id={`${id}-chosen`}>{t('delete.chosenHeading', { count: formatCount(impact.count, language) })}</h3>
        {/* It scrolls on its own when long: a Tab stop, so the keyboard can scroll it too. */}
        <ul className="impact-titles" tabIndex={0} aria-labelledby={`${id}-chosen`}>
          {impact.titles.map((chosen, index) => (
            <li key={index}>{chosen}</li>
          ))}
        </ul>
        {hidden > 0 && <p className="muted">{t('records.andMore', { count: formatCount(hidden, language) })}</p>}
      </section>
      {impact.moves.length > 0 && section('moves', t(MOVES_HEADING[impact.mode]), impact.moves)}
      {impact.unlinks.length > 0 && section('unlinks', t('delete.unlinksHeading'), impact.unlinks, t('delete.unlinksNote'))}
      {impact.keeps.length > 0 && section('keeps', t('delete.keepsHeading'), impact.keeps, t('delete.keepsNote'))}
      {impact.blockers.length > 0 && section('blockers', t('delete.blockersHeading'), impact.blockers, t('delete.blockersNote'))}
      {impact.total > impact.count && <p className="strong">{t('delete.total', { count: formatCount(impact.total, language) })}</p>}
      {impact.mentions && (
        <MentionList mentions={impact.mentions} heading={t('mentions.eraseHeading', { name: impact.mentions.name })} note={t('mentions.eraseNote')} />
      )}
    </div>
  );
}
