/**
 * The retention review (GDPR art. 5(1)(e), storage limitation). Every personal field of a contact
 * says how long it is kept: "while the business relationship lasts, then 2 years"
 * (RELATIONSHIP_RETENTION_YEARS). This lists the people whose relationship has been silent for
 * longer than that, for the privacy officer to erase (or keep, with a reason outside Kluis).
 *
 * Silent since a day means: the contact was not created or changed after it, no record linked to
 * them (a deal, an activity, an invoice, a consent) was, no activity of theirs is due after it, and
 * no consent of theirs stands (one given and not withdrawn is a relationship the person chose).
 * Records in the trash do not count: the trash has a retention of its own. Nothing is deleted here:
 * whether the relationship really ended is for a person to judge, and erasure asks for its own
 * review and confirmation.
 */
import type { RetentionReview } from '../../../shared/recordTypes';
import { ENTITIES, RELATIONSHIP_RETENTION_YEARS } from '../../../shared/registry';
import { localDay } from '../../../shared/localDay';
import { scopeCondition, type Access } from '../access/access';
import type { Db } from '../db/open';
import { linksToContacts } from './personLinks';
import { notRestrictedSql } from './restriction';
import type { Row } from './rows';
import { titleFor } from './service';

/** How many people the review lists at once; `more` says when there are others. */
export const RETENTION_REVIEW_SHOWN = 200;

/** The moment a relationship silent since then is past its retention. */
export function retentionCutoff(now: Date): Date {
  const cutoff = new Date(now);
  cutoff.setFullYear(cutoff.getFullYear() - RELATIONSHIP_RETENTION_YEARS);
  return cutoff;
}

/**
 * The people past their retention that the caller may read: the first RETENTION_REVIEW_SHOWN found,
 * the longest silent first.
 */
export function retentionReview(db: Db, access: Access, now = new Date()): RetentionReview {
  const cutoff = retentionCutoff(now).toISOString();
  const links = linksToContacts();
  // The newest sign of each kind of linked record, and none after the cutoff.
  const newest = links.map(({ entity, field }) => {
    const table = ENTITIES[entity].table;
    const latest = entity === 'activity' ? "max(max(updated_at), coalesce(max(due_at), ''))" : 'max(updated_at)';
    return `coalesce((SELECT ${latest} FROM ${table} WHERE ${field} = c.id AND deleted_at IS NULL), '')`;
  });
  const quiet = links.map(({ entity, field }) => {
    const table = ENTITIES[entity].table;
    const signs = ['updated_at >= @cutoff', ...(entity === 'activity' ? ['due_at >= @cutoff'] : []), ...(entity === 'consent' ? ['withdrawn_at IS NULL'] : [])];
    return `NOT EXISTS (SELECT 1 FROM ${table} WHERE ${field} = c.id AND deleted_at IS NULL AND (${signs.join(' OR ')}))`;
  });
  const scope = scopeCondition(access, 'contact', 'read', 'c');
  const rows = db
    .prepare(
      // In the order the contacts were made, so the walk stops at the first ones past the retention
      // (sorting all of them by their last sign would read every linked record of every old contact:
      // seconds at a million contacts). A contact is made before it is changed, so updated_at alone
      // holds for both. A person whose processing is restricted is kept on purpose, until the
      // restriction is lifted (restriction.ts): not for this review.
      `SELECT c.*, max(c.created_at, c.updated_at, ${newest.join(', ')}) AS last_seen
         FROM contacts c
        WHERE c.deleted_at IS NULL AND c.updated_at < @cutoff AND ${notRestrictedSql('c')}
          AND ${scope.sql} AND ${quiet.join(' AND ')}
        ORDER BY c.id
        LIMIT ${RETENTION_REVIEW_SHOWN + 1}`,
    )
    .all(...scope.params, { cutoff }) as (Row & { last_seen: string })[];
  const shown = rows.slice(0, RETENTION_REVIEW_SHOWN).sort((a, b) => (a.last_seen < b.last_seen ? -1 : a.last_seen > b.last_seen ? 1 : (a.id as number) - (b.id as number)));
  return {
    since: localDay(new Date(cutoff)),
    years: RELATIONSHIP_RETENTION_YEARS,
    people: shown.map((row) => ({ id: row.id as number, title: titleFor(access, 'contact', row), lastSeen: localDay(new Date(row.last_seen)) })),
    more: rows.length > RETENTION_REVIEW_SHOWN,
  };
}
