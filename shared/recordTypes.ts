/** The shapes of CRM records as they cross the wall. */
import type { FieldReason } from './coreMessages';
import type { EntityName, FieldType, LegalBasis, Localized, Sensitivity } from './registry';

export type StoredValue = string | number | null;

/** A record as a list shows it: its title, its owner and the fields of the list's columns. */
export interface RecordSummary {
  entity: EntityName;
  id: number;
  title: string;
  /** The fields in force, by key (switched-off fields are absent); in a list, only its columns. */
  values: Record<string, StoredValue>;
  /** Titles of the records the reference fields point at, for display. */
  refs: Record<string, { id: number; title: string } | null>;
  ownerId: number | null;
}

/** A record with every field the caller may see. */
export interface RecordView extends RecordSummary {
  createdAt: string;
  updatedAt: string;
}

/**
 * Whether the caller's scope covers one record for a change or a delete, by its owner and team
 * (which the renderer does not know). The core answers it the same way for a record's page and for
 * its row in a list, so neither offers an Edit, a Delete or a checkbox whose step the core refuses.
 */
export interface RecordAllowed {
  update: boolean;
  delete: boolean;
}

/** A record as a list shows it, with what the caller may do to it. */
export interface ListRow extends RecordSummary {
  allowed: RecordAllowed;
}

export interface ListPage {
  /**
   * Only what a list shows (data minimisation): the title, the owner, the fields listed in the
   * registry and the custom fields. The rest of a record is for its own page (RecordDetail).
   */
  rows: ListRow[];
  /** Opaque cursor for the next page, or null at the end. */
  next: string | null;
}

export interface RecordDetail {
  record: RecordView;
  /**
   * Per related entity (e.g. the contacts of an organisation): the first records and the count.
   * A related record is a link: its title, with no values and no refs.
   */
  related: { entity: EntityName; via: string; count: number; rows: RecordSummary[] }[];
  /**
   * Activities linked to the record, the 20 nearest to today (the coming ones and the last ones
   * done), newest first: title, kind, due day, done and text. Null when the
   * caller sees an activity's link to this kind of record masked or not at all, since listing them
   * here would show what they are linked to.
   */
  timeline: RecordSummary[] | null;
  /** How many activities are linked to the record (the timeline shows the 20 nearest to today); null with the timeline. */
  timelineTotal: number | null;
  /** The page offers Edit and Delete only where these allow, instead of a form whose Save the core refuses. */
  allowed: RecordAllowed;
}

export interface SearchHit {
  entity: EntityName;
  id: number;
  title: string;
  /**
   * What the hit's second line shows, in order: stored values by field (a kind, a day, a stage),
   * shown as the record's page shows them, in the reader's language. Only fields the caller may
   * read in full.
   */
  details: { key: string; value: StoredValue }[];
  /** Titles of the records the reference fields among `details` point at. */
  refs: RecordSummary['refs'];
}

/**
 * Records whose text names a person, found by searching for the name (electron/core/records/mentions.ts):
 * what an access request or an erasure does not reach by links, for the privacy officer to check.
 */
export interface Mentions {
  /** The name searched for, as the caller sees it. */
  name: string;
  /** The first records found, best first: each as a link (its title, no values). */
  records: { entity: EntityName; id: number; title: string }[];
  /** Whether more records than these name the person. */
  more: boolean;
}

/**
 * People whose business relationship shows no sign of life for longer than their data is kept
 * (RELATIONSHIP_RETENTION_YEARS): nothing about them was added or changed since `since`, no activity
 * of theirs is planned after it, and no consent of theirs stands (electron/core/records/retention.ts).
 */
export interface RetentionReview {
  /** The day the retention reaches back to: what is older is past it. */
  since: string;
  years: number;
  /** The first ones found, the longest silent first: each with the last day anything about them was added or changed. */
  people: { id: number; title: string; lastSeen: string }[];
  /** Whether more people than these are past the retention. */
  more: boolean;
}

export interface SearchGroup {
  entity: EntityName;
  hits: SearchHit[];
}

export interface FieldInfo {
  entity: EntityName;
  key: string;
  type: FieldType;
  label: Localized;
  purpose: Localized;
  legalBasis: LegalBasis;
  sensitivity: Sensitivity;
  retention: Localized;
  optional: boolean;
  required: boolean;
  custom: boolean;
  enabled: boolean;
  /** Search (Ctrl+K) finds a record by this field's value. */
  searchable: boolean;
  /** The most characters a text takes (the core refuses more, records.tooLong). */
  maxLength?: number;
  /** A day something happened: the core refuses one after today (records.dayInFuture). */
  notAfterToday?: boolean;
  /** Values the form suggests as one types (consents.purposes). */
  suggests?: 'consentPurposes';
  options?: readonly string[];
  optionLabels?: Readonly<Record<string, Localized>>;
  references?: EntityName;
}

export interface ImportRowProblem {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: number;
  /** The reasons in English, as one line (reasonsText): for the CLI. */
  reason: string;
  /** The same reasons one by one, for the renderer to show in the reader's language. */
  reasons: FieldReason[];
}

/**
 * The longest column name an import's mapping carries over the wall. A longer header (a survey
 * question as a column name) is shortened to fit, with "…", before anyone sees it.
 */
export const COLUMN_NAME_MAX = 300;

export interface ImportPreview {
  headers: string[];
  /** Header → suggested field key, or null when nothing fits (that column is left out). */
  suggestedMapping: Record<string, string | null>;
  totalRows: number;
  validRows: number;
  problems: ImportRowProblem[];
  /** Rows that match an existing record or an earlier row: a contact by e-mail, an organisation by name. */
  /**
   * `restricted`: it matches a person whose processing is restricted (GDPR art. 18), whom a merge
   * may not change: with "merge" that row fails, as the run will say. `sameAs`: an earlier row of
   * the file matches the same record; merged, the later row's values win.
   */
  duplicates: { row: number; value: string; restricted?: true; sameAs?: number }[];
  /**
   * Rows that can be imported but hold nothing to match them by (a contact without an e-mail
   * address): each becomes a new record, also when the same person is in Kluis already.
   */
  withoutMatch: number;
  /** The first rows, mapped, for the user to check. */
  sample: { row: number; values: Record<string, string> }[];
  leftOut: string[];
  /**
   * Columns whose header names a field in force that the importer may not fill in (their field right
   * is less than edit): left out, and said why, rather than left out like an unknown column.
   */
  notEditable: { column: string; field: Localized }[];
  /**
   * The fields the importer may fill in, by key, as the core decides now: the mapping offers these,
   * also when a right changed since the window was opened.
   */
  editableFields: string[];
}

export interface ImportSummary {
  imported: number;
  merged: number;
  skipped: number;
  organisationsCreated: number;
  failed: ImportRowProblem[];
  /** Columns that were not stored, by header. */
  leftOut: string[];
  cancelled: boolean;
}

export interface ReminderLetter {
  fileName: string;
  /** The letter, plain text. */
  text: string;
  sentAt: string;
}
