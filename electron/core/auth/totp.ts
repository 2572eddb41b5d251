/**
 * TOTP (RFC 6238) through otplib: 6 digits, 30-second steps, SHA-1 — what every authenticator app
 * speaks. A code is accepted one step either side of now, and only for a step later than the last
 * one used, so an observed code cannot be replayed. Synchronous, so it can run inside a transaction.
 */
import { generateSecret, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';

const PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, issuer: string, account: string): string {
  return generateURI({ issuer, label: account, secret });
}

export function qrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

export function looksLikeTotp(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s/g, ''));
}

/** The time step the code belongs to, or null when it is wrong, too old, or already used. */
export function verifyTotp(secret: string, code: string, lastUsedStep: number | null, nowMs: number = Date.now()): number | null {
  const token = code.replace(/\s/g, '');
  if (!looksLikeTotp(token)) return null;
  const result = verifySync({
    secret,
    token,
    period: PERIOD_SECONDS,
    epochTolerance: PERIOD_SECONDS,
    epoch: Math.floor(nowMs / 1000),
    ...(lastUsedStep !== null ? { afterTimeStep: lastUsedStep } : {}),
  });
  return result.valid ? (result as { timeStep: number }).timeStep : null;
}
