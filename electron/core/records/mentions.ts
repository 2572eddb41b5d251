/**
 * The other records whose text names a person: "Erik Wissel rang about the kitchen" in another
 * contact's notes, a deal called "Kitchen for Erik Wissel", a second contact card for him. An access
 * request and an erasure follow the links between records, and a name typed into text is no link:
 * such records are neither reported nor erased with the person. The privacy officer has to check them
 * by hand, and this is the list to check, shown beside the access request and in the erasure's review.
 *
 * It is a search for the person's name as the caller could type it (searchRecords): every word of
 * the name must start a word of the record, so it may also list a "Wisselink" beside an "Erik"; the
 * officer judges. Only what the caller may read is listed, as for any search. A name of one word is
 * not searched for: "Erik" alone would list every Erik. Their e-mail address is searched for too
 * (its parts, as words), and their phone number whole, in whatever form another text writes it (the
 * index also holds every phone number as its digits: withPhoneDigits in fold.ts); a number too short
 * to be a whole one ("06-1234") is not searched for.
 */
import type { Mentions } from '../../../shared/recordTypes';
import type { EntityName } from '../../../shared/registry';
import type { Access } from '../access/access';
import type { Db } from '../db/open';
import type { Row } from './rows';
import { phoneKey } from './fold';
import { searchPhoneNumber, searchRecords } from './queries';
import { readableInFull, titleFor } from './service';

/** How many records a list of mentions shows; `more` says when there are others. */
export const MENTIONS_SHOWN = 20;
/** The most hits one search reads (as the search channel allows). */
const SEARCH_MOST = 100;

/**
 * Records other than `excluded` (keys `entity:id`, which must hold the person's own) that name the
 * contact `person`, best matches first.
 */
export function mentionsOf(db: Db, access: Access, person: Row, excluded: ReadonlySet<string>): Mentions {
  const name = titleFor(access, 'contact', person);
  const byText = [...(name.trim().split(/\s+/).length >= 2 ? [name] : []), ...readableContactValue(access, person, 'email')];
  // A phone number whole: as the start of a longer one, "06-1234" would list every number that starts so.
  const phoneKeys = readableContactValue(access, person, 'phone').flatMap((phone) => phoneKey(phone) ?? []);
  const searches = [...byText.map((text) => () => searchRecords(db, access, text, SEARCH_MOST)), ...phoneKeys.map((key) => () => searchPhoneNumber(db, access, key, SEARCH_MOST))];
  const seen = new Set(excluded);
  const others: { entity: EntityName; id: number; title: string }[] = [];
  let cutOff = false;
  for (const search of searches) {
    const found = search().flatMap((group) => group.hits);
    // A search cut off at its most may have left out more.
    if (found.length === SEARCH_MOST) cutOff = true;
    for (const { entity, id, title } of found) {
      const key = `${entity}:${id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      others.push({ entity, id, title });
    }
  }
  return { name, records: others.slice(0, MENTIONS_SHOWN), more: others.length > MENTIONS_SHOWN || cutOff };
}

/** The person's e-mail address or phone number, as another thing to look for, where the caller may read it in full. */
function readableContactValue(access: Access, person: Row, key: 'email' | 'phone'): string[] {
  const value = typeof person[key] === 'string' ? person[key].trim() : '';
  return value !== '' && readableInFull(access, 'contact', [key]) ? [value] : [];
}
