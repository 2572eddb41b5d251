/** The benchmark's side-by-side read: every byte of files of any size, in turns. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSideBySide } from '../../tools/bench/fileCache';

const MiB = 1024 * 1024;

describe('readSideBySide', () => {
  const folder = mkdtempSync(join(tmpdir(), 'kluis-filecache-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reads each file to its end, whatever their sizes', () => {
    const sizes = [0, 8 * MiB, 8 * MiB + 1, 19 * MiB + 123];
    const files = sizes.map((size, i) => {
      const file = join(folder, `db${i}`);
      writeFileSync(file, Buffer.alloc(size, i + 1));
      return file;
    });
    expect(readSideBySide(files)).toEqual(sizes);
  });

  it('refuses a file that is not there, after closing the ones it opened', () => {
    const present = join(folder, 'present');
    writeFileSync(present, 'x');
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    expect(() => readSideBySide([present, join(folder, 'missing')])).toThrow(/ENOENT/);
    expect(open()).toBe(before);
  });
});
