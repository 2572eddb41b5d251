/**
 * The tamper-evident audit log (DESIGN §8). Each entry's hash is an HMAC, keyed from the DEK, over
 * the entry and the previous entry's hash. Changing a byte, removing a row or cutting the tail
 * breaks the chain; the head is mirrored in vault.json so a cut tail is caught too. Entries carry
 * ids, codes and counts — never personal values or secrets.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AuditEntry, AuditVerdict, SignInRecord } from '../../../shared/apiTypes';
import type { Db } from '../db/open';
import { hkdf } from '../vault/crypto';
import { prepared } from '../db/statements';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditHead {
  seq: number;
  hash: string;
}

export type AuditDetails = Record<string, string | number | boolean | null>;

export interface AuditEvent {
  actor: number | null;
  action: string;
  target?: string | null;
  details?: AuditDetails;
  at?: string;
}

export function deriveAuditKey(dek: Buffer): Buffer {
  return hkdf(dek, Buffer.from('kluis-audit', 'utf8'), 'kluis/audit/v1');
}

function sortedDetails(details: AuditDetails): string {
  return JSON.stringify(Object.fromEntries(Object.entries(details).sort(([a], [b]) => a.localeCompare(b))));
}

interface Row {
  seq: number;
  at: string;
  actor: number | null;
  action: string;
  target: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

function hashOf(key: Buffer, row: Omit<Row, 'hash'>): string {
  const canonical = JSON.stringify([row.seq, row.at, row.actor, row.action, row.target, row.details, row.prev_hash]);
  return createHmac('sha256', key).update(canonical, 'utf8').digest('hex');
}

export function readAuditHead(db: Db): AuditHead | null {
  const row = prepared(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as AuditHead | undefined;
  return row ?? null;
}

export function appendAudit(db: Db, key: Buffer, event: AuditEvent): AuditHead {
  const head = readAuditHead(db);
  const row = {
    seq: (head?.seq ?? 0) + 1,
    at: event.at ?? new Date().toISOString(),
    actor: event.actor,
    action: event.action,
    target: event.target ?? null,
    details: sortedDetails(event.details ?? {}),
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  const hash = hashOf(key, row);
  prepared(db, 
    'INSERT INTO audit_log (seq, at, actor, action, target, details, prev_hash, hash) VALUES (@seq, @at, @actor, @action, @target, @details, @prev_hash, @hash)',
  ).run({ ...row, hash });
  return { seq: row.seq, hash };
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Walks the whole chain; names the first entry that does not hold, and why as a code (AuditBreak). */
export function verifyAuditChain(db: Db, key: Buffer, mirroredHead: AuditHead | null): AuditVerdict {
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  for (const row of prepared(db, 'SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<Row>) {
    const entries = expectedSeq - 1;
    if (row.seq !== expectedSeq) {
      return { ok: false, entries, brokenAt: expectedSeq, reason: { code: 'missing', entry: expectedSeq } };
    }
    if (!sameHash(row.prev_hash, previousHash)) {
      return { ok: false, entries, brokenAt: row.seq, reason: { code: 'notFollowing', entry: row.seq, previous: row.seq - 1 } };
    }
    if (!sameHash(row.hash, hashOf(key, row))) {
      return { ok: false, entries, brokenAt: row.seq, reason: { code: 'altered', entry: row.seq } };
    }
    previousHash = row.hash;
    expectedSeq++;
  }
  const entries = expectedSeq - 1;
  if (mirroredHead) {
    if (mirroredHead.seq > entries) {
      return {
        ok: false,
        entries,
        brokenAt: entries + 1,
        reason: { code: 'tailCut', last: entries, recorded: mirroredHead.seq },
      };
    }
    const atHead = prepared(db, 'SELECT hash FROM audit_log WHERE seq = ?').get(mirroredHead.seq) as { hash: string };
    if (!sameHash(atHead.hash, mirroredHead.hash)) {
      return {
        ok: false,
        entries,
        brokenAt: mirroredHead.seq,
        reason: { code: 'headDiffers', entry: mirroredHead.seq },
      };
    }
  }
  return { ok: true, entries };
}

/**
 * The newest entries, each with its actor's display name joined in the same query. The name is read
 * from `users` as it is now; the log itself keeps only the id.
 */
/**
 * The newest `limit` entries, newest first; with `before`, the newest of those older than entry
 * `before` (a page further down: seq is the key, so a page costs the same wherever it is).
 */
/**
 * The newest `limit` entries before `before`, or only those about `target` ("contact:12"). The log is
 * indexed by target for sign-ins only (migration 012): a record's trail walks the log from the top,
 * which a page an officer opens now and then can afford, where an index would cost every audited
 * edit a write.
 */
export function listAudit(db: Db, limit: number, before?: number, target?: string): AuditEntry[] {
  const rows = prepared(
    db,
    'SELECT a.*, u.display_name AS actor_name FROM audit_log a LEFT JOIN users u ON u.id = a.actor WHERE a.seq < @before AND (@target IS NULL OR a.target = @target) ORDER BY a.seq DESC LIMIT @limit',
  ).all({ before: before ?? Number.MAX_SAFE_INTEGER, limit, target: target ?? null }) as (Row & { actor_name: string | null })[];
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    actorName: row.actor_name,
    action: row.action,
    target: row.target,
    details: JSON.parse(row.details) as AuditDetails,
  }));
}

/**
 * Every entry about one target (`contact:12`), oldest first, as ids and actions only: for an access
 * request (records/accessReport.ts). The log is indexed by target for sign-ins only (migration 012),
 * so this reads the whole log; it runs once per request, which is rare, where an index would cost
 * every audited edit a write.
 */
/**
 * The entries whose target is one of `targets` ("contact:12"), oldest first. Reads the whole log
 * once: it is indexed by target for sign-ins only (migration 012), and this serves rare requests.
 */
export function auditEntriesForTargets(db: Db, targets: string[]): { seq: number; at: string; actorId: number | null; action: string; target: string }[] {
  return prepared(db, 'SELECT seq, at, actor AS actorId, action, target FROM audit_log WHERE target IN (SELECT value FROM json_each(?)) ORDER BY seq').all(
    JSON.stringify(targets),
  ) as { seq: number; at: string; actorId: number | null; action: string; target: string }[];
}

/** A person's own sign-ins, newest first: served by the partial index audit_sign_ins (migration 012). */
export const RECENT_SIGN_INS_SQL =
  "SELECT at, action, details FROM audit_log WHERE target = ? AND action IN ('session.signIn', 'session.signIn.failed') ORDER BY seq DESC LIMIT 20";

export function recentSignIns(db: Db, userId: number): SignInRecord[] {
  const rows = prepared(db, RECENT_SIGN_INS_SQL).all(`user:${userId}`) as { at: string; action: string; details: string }[];
  return rows.map((row) => {
    const record: SignInRecord = { at: row.at, outcome: row.action === 'session.signIn' ? 'success' : 'failure' };
    if ((JSON.parse(row.details) as AuditDetails).recoveryCode === true) record.recoveryCode = true;
    return record;
  });
}
