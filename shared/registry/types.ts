/**
 * The field registry's vocabulary (DESIGN §6). Every field of every entity says what it is for,
 * on which legal basis it is processed, how sensitive it is and how long it is kept. Nothing is
 * stored that is not described here.
 */
export interface Localized {
  en: string;
  nl: string;
}

export const LEGAL_BASES = ['contract', 'legitimateInterest', 'consent', 'legalObligation', 'vitalInterest', 'publicTask'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const LEGAL_BASIS_LABELS: Record<LegalBasis, Localized> = {
  contract: { en: 'Contract', nl: 'Overeenkomst' },
  legitimateInterest: { en: 'Legitimate interest', nl: 'Gerechtvaardigd belang' },
  consent: { en: 'Consent', nl: 'Toestemming' },
  legalObligation: { en: 'Legal obligation', nl: 'Wettelijke verplichting' },
  vitalInterest: { en: 'Vital interest', nl: 'Vitaal belang' },
  publicTask: { en: 'Public task', nl: 'Algemeen belang' },
};

export const SENSITIVITIES = ['normal', 'personal', 'special'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** The first day a date field takes (records.dayTooEarly): year 1 is a real day, but none a CRM records. */
export const EARLIEST_DAY = '1900-01-01';
/** The last day a date field's input offers: a year of four digits, as the core stores days. */
export const LATEST_DAY = '9999-12-31';

export const FIELD_TYPES = ['text', 'longText', 'email', 'phone', 'url', 'date', 'money', 'integer', 'enum', 'boolean', 'reference'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const ENTITY_NAMES = ['organisation', 'contact', 'deal', 'activity', 'invoice', 'consent', 'campaign'] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

export interface FieldDef {
  /** Column name in the entity's table (snake_case). */
  key: string;
  type: FieldType;
  label: Localized;
  /** Why this is collected: shown next to the field in every form. */
  purpose: Localized;
  legalBasis: LegalBasis;
  sensitivity: Sensitivity;
  /** How long values are kept, in words the record of processing can use. */
  retention: Localized;
  /** An admin may switch an optional field off; its values are then purged. */
  optional: boolean;
  /** A value is needed when the field is on. */
  required?: boolean;
  /** Part of the search index. */
  searchable?: boolean;
  /** Shown as a column in the list by default. */
  listed?: boolean;
  options?: readonly string[];
  optionLabels?: Readonly<Record<string, Localized>>;
  references?: EntityName;
  maxLength?: number;
  /** Column headers that import maps to this field, in English and Dutch (lower case). */
  importAliases?: readonly string[];
  /**
   * Set only by a core action (publishing a campaign, sending a reminder), never by a plain create
   * or update: a task right guards it.
   */
  setByAction?: boolean;
  /**
   * Set when the record is made and never edited: what a consent was given for and by whom is its
   * proof (GDPR art. 7(1)); another purpose or person is another consent, recorded anew.
   */
  fixedOnceRecorded?: boolean;
  /**
   * Fixed once the record is published (a campaign's message, channel and audience): what went out
   * stays as it went out; another message is another campaign.
   */
  fixedOncePublished?: boolean;
  /** A day something happened (a date field): one after today is a typo, and refused. */
  notAfterToday?: boolean;
  /**
   * A text matched to what other records hold (a campaign's required consent, to consents'
   * purposes): the form suggests those values as one types, so a typo does not match nothing.
   */
  suggests?: 'consentPurposes';
  /** The value a new record gets when none is given, and what an emptied value becomes. */
  defaultValue?: string | number | boolean;
}

export interface EntityDef {
  name: EntityName;
  table: string;
  label: { singular: Localized; plural: Localized };
  /** The field that names a record in lists, search results and confirmations. */
  titleFields: readonly string[];
  fields: readonly FieldDef[];
  /**
   * Records of these entities are part of this one: they move to the trash with it, come back with
   * it, and are erased with it (DESIGN §7). Other records that refer to it are only unlinked.
   */
  ownedChildren?: readonly { entity: EntityName; via: string }[];
  /** Import offers this entity. */
  importable?: boolean;
  /**
   * A legal duty to keep the record (an issued invoice: 7 years, the fiscal retention duty). Until
   * `years` after the latest of the dates in `from` (and the day it was made), it can go to the trash
   * and come back, but is not deleted for good, by hand or by the trash's retention job; records whose
   * `unless.field` is one of `unless.values` (a draft invoice, never issued) are not held. `stamp`:
   * the date field the core sets to the day a record becomes held (the day an invoice went out).
   */
  legalHold?: { years: number; from: readonly string[]; unless?: { field: string; values: readonly string[] }; stamp?: string };
}

/**
 * The kinds of custom field search may find records by, when the admin chooses so: text people type
 * a name, a word or a number in. Special-category data is never searchable, as no built-in field of
 * that kind is.
 */
export const CUSTOM_SEARCHABLE_TYPES: readonly FieldType[] = ['text', 'longText', 'email', 'phone'];
