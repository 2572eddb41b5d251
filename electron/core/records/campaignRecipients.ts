/**
 * Whom a campaign may go to. A campaign names the consent it relies on (`consent_purpose`); its
 * recipients are the people whose consent has that purpose and is not withdrawn, less those the law
 * says to leave out whatever they once agreed to (an objection to direct marketing, art. 21(3); a
 * restriction of processing, art. 18), and less those its channel cannot reach: no e-mail address,
 * or for post no organisation with an address. A social media post is addressed to no one.
 *
 * Counted for the campaign's page, and handed out as a file once the campaign is published: what is
 * sent is then fixed (fixedOncePublished), and the file holds only what the channel needs.
 */
import { recipientsFileName } from '../../../shared/fileNames';
import { localDay } from '../../../shared/localDay';
import type { CampaignRecipients } from '../../../shared/apiTypes';
import { ENTITIES, fieldDef, type EntityName } from '../../../shared/registry';
import { scopeCondition } from '../access/access';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { KluisError } from '../errors';
import { audit } from '../session/openInstall';
import { BYTE_ORDER_MARK, cell, FORMATS, header, textCell, type ExportLanguage } from './export';
import { fold } from './fold';
import { activeFields } from './fields';
import type { Row } from './rows';
import { readableInFull, requireRowFor, visibleFields, type RecordContext, type VisibleField } from './service';

/**
 * How each channel reaches a person, and what of them its file holds: the fields it needs, and
 * those it adds where they are on and the caller may read them (a letter in the person's language).
 */
interface Channel {
  reach: 'email' | 'post';
  contact: { needed: string[]; added: string[] };
  organisation: { needed: string[]; added: string[] };
}

const BY_EMAIL: Channel = {
  reach: 'email',
  contact: { needed: ['first_name', 'last_name', 'email'], added: ['preferred_language'] },
  organisation: { needed: [], added: [] },
};

const CHANNELS: Record<string, Channel | undefined> = {
  email: BY_EMAIL,
  // An invitation goes by e-mail.
  event: BY_EMAIL,
  // A letter goes to the person at their organisation's address: contacts hold no address of their own.
  post: {
    reach: 'post',
    contact: { needed: ['first_name', 'last_name'], added: ['preferred_language'] },
    organisation: { needed: ['name', 'street', 'city'], added: ['postal_code', 'country'] },
  },
  social: undefined,
};

/** More distinct consent purposes than this are not listed on the page. */
const PURPOSES_SHOWN = 50;

interface Selection {
  /** Contacts (alias c) with a consent of the purpose that still stands, in the caller's read scope. */
  consented: { sql: string; params: unknown[] };
  /** Those of them the channel reaches (c, and the organisation as o). */
  reachable: string;
  /** The organisation joined for post (o), or ''. */
  join: { sql: string; params: unknown[] };
}

/**
 * The fields of `entity` the channel needs, each on and readable in full by the caller, or a refusal
 * naming the first that is not: switched off (CONFLICT), or not the caller's to read (FORBIDDEN).
 */
function neededFields(ctx: RecordContext, entity: EntityName, keys: readonly string[]): VisibleField[] {
  const visible = visibleFields(ctx.db, ctx.access, entity).filter((f) => f.access !== 'masked');
  return keys.map((key) => {
    const field = visible.find((f) => f.key === key);
    if (field) return field;
    const label = fieldDef(entity, key)?.label ?? { en: key, nl: key };
    if (!activeFields(ctx.db, entity).some((f) => f.key === key)) throw new KluisError('CONFLICT', { id: 'records.recipientsFieldOff', values: { field: label } });
    throw new KluisError('FORBIDDEN', { id: 'records.recipientsNeedField', values: { field: label } });
  });
}

/** An organisation's name is headed "Organisation" beside a person's names: "Name" alone could be theirs. */
function namedAsOrganisation(field: VisibleField): VisibleField {
  return field.key === 'name' ? { ...field, label: ENTITIES.organisation.label.singular } : field;
}

/** The file's columns of `entity`: the needed fields and the added ones the caller may read, in the form's order (street, postal code, city). */
function fileFields(ctx: RecordContext, entity: EntityName, wanted: { needed: string[]; added: string[] }): VisibleField[] {
  neededFields(ctx, entity, wanted.needed);
  return visibleFields(ctx.db, ctx.access, entity).filter((f) => wanted.needed.includes(f.key) || (f.access !== 'masked' && wanted.added.includes(f.key)));
}

/** The spellings of the consents in the caller's scope whose purpose folds to the campaign's. */
function spellingsOf(ctx: RecordContext, purpose: string): string[] {
  const scope = scopeCondition(ctx.access, 'consent', 'read');
  const all = prepared(ctx.db, `SELECT DISTINCT purpose FROM consents WHERE deleted_at IS NULL AND ${scope.sql}`).pluck().all(...scope.params) as string[];
  const wanted = fold(purpose);
  return all.filter((spelling) => fold(spelling) === wanted);
}

/**
 * The ids of the people holding a consent of the purpose (its `spellings`) that the caller may read:
 * one that stands, or (`standing` false) one withdrawn. SQL for `c.id IN (…)`.
 */
function holdersOf(ctx: RecordContext, spellings: readonly string[], standing: boolean): { sql: string; params: unknown[] } {
  const consents = scopeCondition(ctx.access, 'consent', 'read', 'k');
  return {
    sql:
      `SELECT k.contact_id FROM consents k WHERE k.purpose IN (${spellings.map(() => '?').join(', ')}) ` +
      `AND k.deleted_at IS NULL AND k.withdrawn_at IS ${standing ? '' : 'NOT '}NULL AND ${consents.sql}`,
    params: [...spellings, ...consents.params],
  };
}

function selection(ctx: RecordContext, spellings: readonly string[], reach: 'email' | 'post'): Selection {
  const contacts = scopeCondition(ctx.access, 'contact', 'read', 'c');
  const organisations = scopeCondition(ctx.access, 'organisation', 'read', 'o');
  const standing = holdersOf(ctx, spellings, true);
  return {
    consented: {
      sql: `c.deleted_at IS NULL AND ${contacts.sql} AND c.id IN (${standing.sql})`,
      params: [...contacts.params, ...standing.params],
    },
    reachable: reach === 'email' ? "coalesce(c.email, '') <> ''" : "o.id IS NOT NULL AND coalesce(o.street, '') <> '' AND coalesce(o.city, '') <> ''",
    join: reach === 'post' ? { sql: `LEFT JOIN organisations o ON o.id = c.organisation_id AND o.deleted_at IS NULL AND ${organisations.sql}`, params: organisations.params } : { sql: '', params: [] },
  };
}

/** Neither restricted nor objected: what the law leaves of the people who consented. */
const MAY_BE_ADDRESSED = 'c.restricted_since IS NULL AND c.marketing_objection_on IS NULL';

/**
 * The consent purposes the caller can see, by how many people hold one that stands, most first;
 * spellings that fold alike are one purpose, shown as most people wrote it. A person who holds two
 * spellings of one purpose counts under each, which only a typing slip on their page makes happen.
 */
function purposesInScope(ctx: RecordContext): CampaignRecipients['purposes'] {
  const consents = scopeCondition(ctx.access, 'consent', 'read', 'k');
  const contacts = scopeCondition(ctx.access, 'contact', 'read', 'c');
  const rows = prepared(
    ctx.db,
    `SELECT k.purpose AS purpose, count(DISTINCT k.contact_id) AS people FROM consents k JOIN contacts c ON c.id = k.contact_id AND c.deleted_at IS NULL AND ${contacts.sql} ` +
      `WHERE k.deleted_at IS NULL AND k.withdrawn_at IS NULL AND ${consents.sql} GROUP BY k.purpose`,
  ).all(...contacts.params, ...consents.params) as { purpose: string; people: number }[];
  const groups = new Map<string, { spelling: string; most: number; people: number }>();
  for (const { purpose, people } of rows) {
    const key = fold(purpose);
    const group = groups.get(key) ?? { spelling: purpose, most: 0, people: 0 };
    if (people > group.most) Object.assign(group, { spelling: purpose, most: people });
    group.people += people;
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => ({ purpose: g.spelling.trim(), people: g.people }))
    .sort((a, b) => b.people - a.people || a.purpose.localeCompare(b.purpose))
    .slice(0, PURPOSES_SHOWN);
}

/**
 * What a campaign's required consent may name, for the form to suggest: the purposes of the
 * standing consents the caller can see, where they may read a consent's purpose and withdrawal.
 */
export function consentPurposes(ctx: RecordContext): CampaignRecipients['purposes'] {
  return readableInFull(ctx.access, 'consent', ['purpose', 'withdrawn_at']) ? purposesInScope(ctx) : [];
}

/** The campaign, readable by the caller, and what its channel needs of them. */
function campaignOf(ctx: RecordContext, id: number): { campaign: Row; channel: string; purpose: string | null } {
  const campaign = requireRowFor(ctx, 'campaign', id, 'read');
  neededFields(ctx, 'campaign', ['channel', 'consent_purpose']);
  const purpose = typeof campaign.consent_purpose === 'string' && campaign.consent_purpose.trim() !== '' ? campaign.consent_purpose : null;
  return { campaign, channel: String(campaign.channel), purpose };
}

/** The checks every count and file makes: the law's fields and the consent's purpose, readable in full. */
function needLawFields(ctx: RecordContext): void {
  neededFields(ctx, 'contact', ['marketing_objection_on', 'restricted_since']);
  neededFields(ctx, 'consent', ['purpose', 'withdrawn_at']);
}

export function campaignRecipients(ctx: RecordContext, id: number): CampaignRecipients {
  const { channel, purpose } = campaignOf(ctx, id);
  const way = CHANNELS[channel];
  const none = { recipients: 0, leftOut: { restricted: 0, objected: 0, unreachable: 0, withdrawn: 0 } };
  if (!way) return { channel, purpose, addressed: false, ...none, purposes: [] };
  needLawFields(ctx);
  neededFields(ctx, 'contact', [...way.contact.needed, ...(way.reach === 'post' ? ['organisation_id'] : [])]);
  neededFields(ctx, 'organisation', way.organisation.needed);
  const spellings = purpose === null ? [] : spellingsOf(ctx, purpose);
  if (spellings.length === 0) return { channel, purpose, addressed: true, ...none, purposes: purposesInScope(ctx) };
  const chosen = selection(ctx, spellings, way.reach);
  // Each person left out is counted once, under the first reason: a restriction, then an objection, then the channel.
  const counts = prepared(
    ctx.db,
    `SELECT count(*) AS consented, coalesce(sum(c.restricted_since IS NOT NULL), 0) AS restricted, ` +
      `coalesce(sum(c.restricted_since IS NULL AND c.marketing_objection_on IS NOT NULL), 0) AS objected, ` +
      `coalesce(sum(${MAY_BE_ADDRESSED} AND ${chosen.reachable}), 0) AS recipients ` +
      `FROM contacts c ${chosen.join.sql} WHERE ${chosen.consented.sql}`,
  ).get(...chosen.join.params, ...chosen.consented.params) as { consented: number; restricted: number; objected: number; recipients: number };
  return {
    channel,
    purpose,
    addressed: true,
    recipients: counts.recipients,
    leftOut: {
      restricted: counts.restricted,
      objected: counts.objected,
      unreachable: counts.consented - counts.restricted - counts.objected - counts.recipients,
      withdrawn: withdrawnOnly(ctx, spellings),
    },
    // Only where the campaign reaches no one: they help find the purpose it meant.
    purposes: counts.recipients === 0 ? purposesInScope(ctx) : [],
  };
}

/** People who gave consent of the purpose and withdrew every one of them: said, so nobody wonders where they went. */
function withdrawnOnly(ctx: RecordContext, spellings: readonly string[]): number {
  const contacts = scopeCondition(ctx.access, 'contact', 'read', 'c');
  const [withdrawn, standing] = [holdersOf(ctx, spellings, false), holdersOf(ctx, spellings, true)];
  const sql = `SELECT count(*) FROM contacts c WHERE c.deleted_at IS NULL AND ${contacts.sql} AND c.id IN (${withdrawn.sql}) AND c.id NOT IN (${standing.sql})`;
  return prepared(ctx.db, sql).pluck().get(...contacts.params, ...withdrawn.params, ...standing.params) as number;
}

export interface RecipientsFile {
  fileName: string;
  csv: string;
  count: number;
}

/**
 * The recipients of a published campaign as a CSV file in `language`, with only the columns its
 * channel needs. The file is audited with its count; like every export, never its values.
 */
export function exportCampaignRecipients(ctx: RecordContext, id: number, language: ExportLanguage): RecipientsFile {
  const lines = ctx.db.transaction(() => recipientLines(ctx, id, language)).deferred();
  const count = lines.length - 1;
  ctx.db.transaction(() => audit(ctx.open, { actor: ctx.user.id, action: 'marketing.recipientsExported', target: `campaign:${id}`, details: { count } })).immediate();
  return { fileName: recipientsFileName(language, localDay(), id), csv: `${BYTE_ORDER_MARK}${lines.join('\r\n')}\r\n`, count };
}

/** The file's header line and one line per recipient, in one read. */
function recipientLines(ctx: RecordContext, id: number, language: ExportLanguage): string[] {
  const { campaign, channel, purpose } = campaignOf(ctx, id);
  const way = CHANNELS[channel];
  if (!way) throw new KluisError('CONFLICT', 'records.recipientsNotAddressed');
  if (campaign.status !== 'published') throw new KluisError('CONFLICT', 'records.recipientsBeforePublishing');
  if (purpose === null) throw new KluisError('CONFLICT', 'records.recipientsWithoutConsent');
  needLawFields(ctx);
  // The person, where to reach them, then what helps write to them (their language); c is the
  // person's row, o their organisation's.
  const columns = [
    ...fileFields(ctx, 'contact', { needed: way.contact.needed, added: [] }).map((field) => ({ from: 'c', field })),
    ...fileFields(ctx, 'organisation', way.organisation).map((field) => ({ from: 'o', field: namedAsOrganisation(field) })),
    ...fileFields(ctx, 'contact', { needed: [], added: way.contact.added }).map((field) => ({ from: 'c', field })),
  ];
  const format = FORMATS[language];
  const lines = [columns.map(({ field }) => textCell(header(field, language))).join(format.separator)];
  const spellings = spellingsOf(ctx, purpose);
  if (spellings.length === 0) return lines;
  const chosen = selection(ctx, spellings, way.reach);
  const selected = columns.map(({ from, field }) => `${from}.${field.key} AS "${from}.${field.key}"`);
  const rows = prepared(
    ctx.db,
    `SELECT ${selected.join(', ')} FROM contacts c ${chosen.join.sql} WHERE ${chosen.consented.sql} AND ${MAY_BE_ADDRESSED} AND ${chosen.reachable} ORDER BY c.sort_key, c.id`,
  ).all(...chosen.join.params, ...chosen.consented.params) as Row[];
  for (const row of rows) lines.push(columns.map(({ from, field }) => cell(field, row[`${from}.${field.key}`], undefined, language, format)).join(format.separator));
  return lines;
}

/**
 * Undo of a publication puts a campaign back to draft, to be edited and published again. Once its
 * list of recipients was saved after the publication, the campaign may have gone out to those
 * people: it stays published, so the page and the journal keep telling what was sent.
 */
export function refuseUnpublishingSent(db: Db, campaignId: number, publishedAt: string, title: string): void {
  const saved = prepared(db, "SELECT 1 FROM audit_log WHERE target = ? AND action = 'marketing.recipientsExported' AND at >= ? LIMIT 1").get(`campaign:${campaignId}`, publishedAt);
  if (saved) throw new KluisError('CONFLICT', { id: 'history.campaignSent', values: { title } });
}
