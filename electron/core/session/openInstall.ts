/**
 * An install whose database is open: the database, the keys that opened it, and the means to
 * audit. Exists only between a correct password and sign-out or lock.
 */
import type { KeyMode } from '../../../shared/apiTypes';
import { appendAudit, readAuditHead, type AuditEvent, type AuditHead } from '../audit/chain';
import type { Db } from '../db/open';
import type { SecretStore } from '../vault/secretStore';
import { readVaultFile, writeVaultFile, type VaultFile } from '../vault/vaultFile';

export interface OpenInstall {
  db: Db;
  dataDir: string;
  installId: string;
  keyMode: KeyMode;
  slotId: string;
  dek: Buffer;
  privateKey: Buffer;
  auditKey: Buffer;
  deviceSecret: Buffer | null;
  secrets: SecretStore;
  /** The audit head last seen in vault.json, so most calls need not read the file. */
  mirroredHead: AuditHead | null;
  /**
   * Work that must be done while the key is still here, before a lock, sign-out or quit closes the
   * database: a running import takes back what it wrote (records/import/run.ts).
   */
  beforeClose: Set<() => void>;
}

/** Appends to the audit chain; call inside the transaction of the change it records. */
export function audit(open: OpenInstall, event: AuditEvent): void {
  appendAudit(open.db, open.auditKey, event);
}

/**
 * The audit entry of leaving (a lock, a sign-out), written if it can be. Leaving must happen even
 * when it cannot: another process holding the write lock longer than SQLite waits (the admin tool's
 * seed or import, a second window) or a full disk must not keep the keys in memory. Says whether the
 * entry was written, so the caller can note a gap in the log.
 */
export function auditLeaving(open: OpenInstall, event: AuditEvent): boolean {
  try {
    open.db.transaction(() => audit(open, event))();
    mirrorAuditHead(open);
    return true;
  } catch {
    return false;
  }
}

/** Reads vault.json, lets `change` edit it, writes it back atomically. */
export function updateVault(open: OpenInstall, change: (vault: VaultFile) => VaultFile): void {
  writeVaultFile(open.dataDir, change(readVaultFile(open.dataDir)));
}

function sameHead(a: AuditHead | null, b: AuditHead | null): boolean {
  return a?.seq === b?.seq && a?.hash === b?.hash;
}

/**
 * Copies the audit head into vault.json when the log grew, so a cut tail shows. It only ever moves
 * forward along the same chain: when the log no longer holds the recorded head (rows were cut or
 * rewritten), the old head stays as evidence and `audit verify` reports the break.
 */
export function mirrorAuditHead(open: OpenInstall): void {
  const head = readAuditHead(open.db);
  if (sameHead(head, open.mirroredHead)) return;
  const vault = readVaultFile(open.dataDir);
  const recorded = vault.auditHead;
  if (recorded) {
    const row = open.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(recorded.seq) as { hash: string } | undefined;
    if (row?.hash !== recorded.hash) {
      open.mirroredHead = head;
      return;
    }
  }
  writeVaultFile(open.dataDir, { ...vault, auditHead: head });
  open.mirroredHead = head;
}

/** Runs (and forgets) the work registered to happen before the database closes; each on its own. */
export function settleBeforeClose(open: OpenInstall): void {
  const pending = [...open.beforeClose];
  open.beforeClose.clear();
  for (const work of pending) {
    try {
      if (open.db.open) work();
    } catch {
      // Closing must still happen: a lock that fails would leave the data open.
    }
  }
}

/** Closes the database and zeroes every key the session held. */
export function closeInstall(open: OpenInstall): void {
  try {
    settleBeforeClose(open);
    if (open.db.open) open.db.close();
  } finally {
    open.secrets.wipe();
  }
}
