/**
 * The layer rule of DESIGN §2 is enforced by lint, not by memory: each case below lints a line of
 * code as if it lived in a given file and expects the rule to refuse or accept it.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'kluis/layers').map((m) => m.message);
}

describe('the import-boundary lint rule', () => {
  it.each([
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;"],
    ['renderer/src/x.ts', "import fs from 'fs';\nexport const f = fs;"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const f = ipcRenderer;"],
    ['renderer/src/x.ts', "import { openKluis } from '../../electron/core/kluis';\nexport const f = openKluis;"],
    ['renderer/src/x.ts', "import Database from 'better-sqlite3-multiple-ciphers';\nexport const f = Database;"],
    ['electron/core/x.ts', "import { app } from 'electron';\nexport const f = app;"],
    ['electron/core/vault/x.ts', "import { secureWindowOptions } from '../../windowOptions';\nexport const f = secureWindowOptions;"],
    ['electron/core/x.ts', "import { App } from '../../renderer/src/App';\nexport const f = App;"],
    ['electron/windowOptions.ts', "import { BrowserWindow } from 'electron';\nexport const f = BrowserWindow;"],
    ['electron/cli.ts', "const e = require('electron');\nexport const f = e;"],
    ['shared/x.ts', "import { join } from 'node:path';\nexport const f = join;"],
    ['shared/x.ts', "import { openKluis } from '../electron/core/kluis';\nexport const f = openKluis;"],
    ['test/core/x.test.ts', "import { app } from 'electron';\nexport const f = app;"],
    ['electron/core/records/x.ts', "import { applyRowChange } from './rows';\nexport const f = applyRowChange;"],
    ['electron/core/access/x.ts', "import { readRow, applyRowChange as write } from '../records/rows';\nexport const f = [readRow, write];"],
  ])('refuses in %s: %s', async (filePath, code) => {
    expect(await layerErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['renderer/src/x.ts', "import { api } from '../../shared/api';\nexport const f = api;"],
    ['renderer/src/x.ts', "import { useState } from 'react';\nexport const f = useState;"],
    ['electron/core/x.ts', "import { readFileSync } from 'node:fs';\nimport { api } from '../../shared/api';\nexport const f = [readFileSync, api];"],
    ['electron/main.ts', "import { app } from 'electron';\nexport const f = app;"],
    ['electron/ipc.ts', "import { ipcMain } from 'electron';\nexport const f = ipcMain;"],
    ['electron/cli.ts', "import { openKluis } from './core/kluis';\nexport const f = openKluis;"],
    ['shared/x.ts', "import { z } from 'zod';\nexport const f = z;"],
    ['electron/core/history/x.ts', "import { applyRowChange } from '../records/rows';\nexport const f = applyRowChange;"],
    ['electron/core/access/x.ts', "import { readRow } from '../records/rows';\nexport const f = readRow;"],
  ])('accepts in %s: %s', async (filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([]);
  });
});
