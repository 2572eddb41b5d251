/**
 * Every key buffer a session holds (DEK, private key, audit key, device secret) is registered here,
 * so one call wipes them all on lock, sign-out and quit. Tests pass their own store to look inside.
 */
export class SecretStore {
  private held: Buffer[] = [];

  hold(buffer: Buffer): Buffer {
    this.held.push(buffer);
    return buffer;
  }

  wipe(): void {
    for (const buffer of this.held) buffer.fill(0);
    this.held = [];
  }

  /** For tests: the buffers currently held (after `wipe`, the ones that were held are all zero). */
  get buffers(): readonly Buffer[] {
    return this.held;
  }
}
