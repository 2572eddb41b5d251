/**
 * The tests start hundreds of processes: the admin CLI once per command, a preview server for every
 * Playwright test. Through tsx each would load and compile some two hundred source files first,
 * about a second of processor time, on a two-core CI machine that is busy with the tests
 * themselves. So each test run bundles both tools once, from the same source, into one file that
 * Node loads as it is. Packages stay outside the bundle and load from node_modules, as under tsx.
 *
 * The README's entry points (`npm run admin`, `npm run preview`) still run the source through tsx,
 * and a CLI test runs `npm run admin` itself, so the commands users type are tested too.
 */
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');

const TOOLS = {
  cli: { source: 'electron/cli.ts', bundle: 'out/cli/cli.mjs' },
  // The preview server finds the project's root two folders above its own file, so its bundle
  // sits two folders deep as well.
  previewServer: { source: 'tools/preview/server.ts', bundle: 'out/preview/server.mjs' },
} as const;

export type Tool = keyof typeof TOOLS;

export function bundleOf(tool: Tool): string {
  return join(ROOT, TOOLS[tool].bundle);
}

export async function bundleTools(...tools: Tool[]): Promise<void> {
  await Promise.all(
    tools.map((tool) =>
      build({
        entryPoints: [join(ROOT, TOOLS[tool].source)],
        outfile: bundleOf(tool),
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        logLevel: 'warning',
      }),
    ),
  );
}
