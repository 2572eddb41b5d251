/**
 * Builds the renderer once for the whole run; every preview server then starts with --no-build and
 * serves the same out/renderer. Bundles the preview server and the admin CLI too, which the tests
 * start many times (test/support/toolBundles.ts).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleTools } from '../support/toolBundles';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export default async function buildForTheRun(): Promise<void> {
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer.vite.config.ts'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (build.error) throw build.error;
  if (build.status !== 0) throw new Error(`The renderer build failed (exit code ${build.status}).`);
  await bundleTools('previewServer', 'cli');
}
