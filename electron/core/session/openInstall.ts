/**
 * An install whose database is open: the database, the keys that opened it, and the means to
 * audit. Exists only between a correct password and sign-out or lock.
 */
import type { KeyMode } from '../../../shared/apiTypes';
import { appendAudit, readAuditHead, type AuditEvent } from '../audit/chain';
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
}

/** Appends to the audit chain; call inside the transaction of the change it records. */
export function audit(open: OpenInstall, event: AuditEvent): void {
  appendAudit(open.db, open.auditKey, event);
}

/** Reads vault.json, lets `change` edit it, writes it back atomically. */
export function updateVault(open: OpenInstall, change: (vault: VaultFile) => VaultFile): void {
  writeVaultFile(open.dataDir, change(readVaultFile(open.dataDir)));
}

/** Copies the audit head into vault.json when it moved, so a cut tail of the log shows. */
export function mirrorAuditHead(open: OpenInstall): void {
  const head = readAuditHead(open.db);
  const vault = readVaultFile(open.dataDir);
  if (head?.seq === vault.auditHead?.seq && head?.hash === vault.auditHead?.hash) return;
  writeVaultFile(open.dataDir, { ...vault, auditHead: head });
}

/** Closes the database and zeroes every key the session held. */
export function closeInstall(open: OpenInstall): void {
  try {
    if (open.db.open) open.db.close();
  } finally {
    open.secrets.wipe();
  }
}
