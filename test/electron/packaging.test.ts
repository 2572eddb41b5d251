/**
 * What ships: electron-builder.yml must package only the built app, never the preview bridge
 * (tools/), the tests or the sources; the builds must land where package.json and main.ts look.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import electronViteConfig from '../../electron.vite.config';

const builderYml = readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');
const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { main: string };

/** The items of a top-level YAML list such as `files:` (enough YAML for this one flat file). */
function topLevelList(yaml: string, key: string): string[] {
  const lines = yaml.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${key}:`));
  if (start < 0) return [];
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break; // next top-level key
    const item = /^\s+-\s+(.+?)\s*(#.*)?$/.exec(line)?.[1];
    if (item !== undefined) items.push(item.replace(/^["']|["']$/g, ''));
  }
  return items;
}

describe('electron-builder.yml', () => {
  const files = topLevelList(builderYml, 'files');

  it('packages only the built app (main, preload, renderer) and package.json', () => {
    expect(files).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']);
  });
  it.each(['tools/', 'test/', 'electron/', 'renderer/', 'shared/', 'scripts/', '.electron-native/'])(
    'never includes %s',
    (folder) => {
      for (const pattern of files) expect(pattern.startsWith(folder) || pattern === '**/*').toBe(false);
    },
  );
  // `out/**` would take them in: the tests bundle the CLI and the preview server there (toolBundles.ts).
  it.each(['out/cli/cli.mjs', 'out/preview/server.mjs'])('leaves out %s, which the tests make', (file) => {
    const covers = (pattern: string) => pattern === '**/*' || (pattern.endsWith('/**') ? file.startsWith(pattern.slice(0, -2)) : pattern === file);
    expect(files.filter(covers)).toEqual([]);
  });
  it('unpacks native .node modules from the asar', () => {
    expect(topLevelList(builderYml, 'asarUnpack')).toContain('**/*.node');
  });
  it('uses the app id and product name', () => {
    expect(builderYml).toMatch(/^appId: nl\.kluis\.app$/m);
    expect(builderYml).toMatch(/^productName: Kluis$/m);
  });
  it('turns off the fuses that would let someone run Kluis as Node or attach a debugger', () => {
    expect(builderYml).toMatch(/^\s+runAsNode: false\b/m);
    expect(builderYml).toMatch(/^\s+enableNodeOptionsEnvironmentVariable: false\b/m);
    expect(builderYml).toMatch(/^\s+enableNodeCliInspectArguments: false\b/m);
  });
});

describe('electron.vite.config.ts', () => {
  const config = electronViteConfig as {
    main?: { build?: { rolldownOptions?: { input?: unknown; output?: unknown } } };
    preload?: { build?: { externalizeDeps?: unknown; rolldownOptions?: { input?: unknown; output?: unknown } } };
  };

  it('builds the main entry to the file package.json points at', () => {
    expect(packageJson.main).toBe('out/main/main.js');
    expect(Object.keys(config.main?.build?.rolldownOptions?.input as object)).toEqual(['main']);
    expect(config.main?.build?.rolldownOptions?.output).toMatchObject({ entryFileNames: '[name].js' });
  });
  it('builds the sandboxed preload as CommonJS, with its imports bundled in', () => {
    expect(config.preload?.build?.rolldownOptions?.output).toMatchObject({ format: 'cjs', entryFileNames: '[name].cjs' });
    expect(Object.keys(config.preload?.build?.rolldownOptions?.input as object)).toEqual(['preload']);
    expect(config.preload?.build?.externalizeDeps).toBe(false);
  });
});
