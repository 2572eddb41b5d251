/**
 * The answer to a data subject's access request (GDPR art. 15; as JSON also art. 20 portability):
 * everything Kluis holds about one person, with why and how long each value is kept.
 */
import type { CommandState, CommandVerb } from './historyTypes';
import type { StoredValue } from './recordTypes';
import type { EntityName, LegalBasis, Localized, Sensitivity } from './registry';

/** One stored value, with what the registry says of its field (art. 15(1)(a), (b)… (d)). */
export interface AccessReportValue {
  key: string;
  label: Localized;
  /** The value as stored, in full: this report exists to hand it over, so nothing is masked. */
  value: StoredValue;
  /** For a link: the title of the record it points to, or null when that is gone or in the trash. */
  linkTitle?: string | null;
  purpose: Localized;
  legalBasis: LegalBasis;
  legalBasisLabel: Localized;
  sensitivity: Sensitivity;
  retention: Localized;
}

export interface AccessReportRecord {
  entity: EntityName;
  entityLabel: Localized;
  id: number;
  createdAt: string;
  updatedAt: string;
  /** Still held, so still reported, but deleted by a user and waiting for the trash's retention. */
  inTrash: boolean;
  deletedAt: string | null;
  /** The fields in force that hold a value; empty fields are left out. */
  values: AccessReportValue[];
}

/** A record that points at the person (a consent, an activity, a deal, an invoice), and by which field. */
export interface AccessReportLinked extends AccessReportRecord {
  via: string;
}

/**
 * An audit entry whose target is the person's record or one of the records linked to it: ids and
 * the action, no values.
 */
export interface AccessReportAuditEntry {
  seq: number;
  at: string;
  actorId: number | null;
  action: string;
  /** The record the entry is about, as the log names it: "contact:12", "consent:3". */
  target: string;
}

/** One field a past change set: its value before and after, as the undo history holds them. */
export interface AccessReportChangedValue {
  key: string;
  label: Localized;
  /** Null for a record the change created. */
  before: StoredValue;
  /** Null where the change emptied the field. */
  after: StoredValue;
}

/**
 * A change to the person's record or a linked one that the undo history still holds, with the
 * fields it set. Past values (an e-mail address before a correction) are held data too (art. 15).
 */
export interface AccessReportChange {
  at: string;
  /** The journal's verb: create, update, import, restore … */
  verb: CommandVerb;
  /** "undone" when taken back with Ctrl+Z: the values stay held while it could be redone. */
  state: CommandState;
  /** The record changed, named as in the audit entries: "contact:12", "consent:3". */
  target: string;
  values: AccessReportChangedValue[];
}

export interface AccessReport {
  format: 'kluis.accessReport';
  /** 2 added `history`. */
  version: 2;
  /** When the report was made (ISO time): the date the request was answered. */
  generatedAt: string;
  /** The controller: the organisation this install belongs to. */
  organisation: string;
  subject: AccessReportRecord;
  linked: AccessReportLinked[];
  audit: AccessReportAuditEntry[];
  history: {
    /** How long the undo history keeps a change: as long as the trash keeps records. */
    keptForDays: number;
    changes: AccessReportChange[];
  };
}
