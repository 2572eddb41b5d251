/**
 * electron-vite builds three bundles:
 * - main    -> out/main/main.js (ESM, because package.json has "type": "module")
 * - preload -> out/preload/preload.cjs (CommonJS: a sandboxed preload cannot load ES modules)
 * - renderer -> out/renderer, from the same config the preview server uses, so both serve one build.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import rendererConfig from './renderer.vite.config';

const fromRoot = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  main: {
    build: {
      // Native and N-API modules cannot be bundled; they load from node_modules at run time
      // (package.json dependencies are external anyway; these are named so that stays true).
      externalizeDeps: { include: ['better-sqlite3-multiple-ciphers', 'keytar', '@node-rs/argon2'] },
      rolldownOptions: {
        input: { main: fromRoot('./electron/main.ts') },
        output: { entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      // Bundle everything it imports (the channel list): a sandboxed preload can only require 'electron'.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: fromRoot('./electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      rolldownOptions: { ...rendererConfig.build?.rolldownOptions, input: fromRoot('./renderer/index.html') },
    },
  },
});
