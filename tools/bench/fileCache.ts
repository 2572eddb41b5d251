/**
 * Puts both databases in the OS file cache, side by side, right before timing. On the development
 * machine, file pages that sit idle for a while leave the OS file cache even with most memory free
 * (seen with fincore: 8% of a freshly seeded database gone within 80 seconds), so the side seeded
 * first would read more of its pages from disk (about a millisecond each) than the other. Read in
 * turns, a chunk of each, both files are equally fresh. SQLite's own page cache is left as it is:
 * what a page costs to come into it (read, and on the encrypted side decrypted and checked) is what
 * is measured.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 8 * 1024 * 1024;

/** Reads the files to their ends, a chunk of each in turn; returns the bytes read from each. */
export function readSideBySide(files: readonly string[]): number[] {
  const buffer = Buffer.allocUnsafe(CHUNK);
  const fds: number[] = [];
  const read = files.map(() => 0);
  try {
    for (const file of files) fds.push(openSync(file, 'r'));
    const done = fds.map(() => false);
    for (let position = 0; done.includes(false); position += CHUNK) {
      fds.forEach((fd, i) => {
        if (done[i]) return;
        const bytes = readSync(fd, buffer, 0, CHUNK, position);
        read[i] = (read[i] as number) + bytes;
        if (bytes < CHUNK) done[i] = true;
      });
    }
  } finally {
    for (const fd of fds) closeSync(fd);
  }
  return read;
}
