/**
 * Once for the whole run:
 * - builds the renderer; every preview server then starts with --no-build and serves the same
 *   out/renderer;
 * - bundles the preview server and the admin CLI, which the tests start many times
 *   (test/support/toolBundles.ts);
 * - provisions one install with `admin init`, as an admin does for a colleague's laptop, for the
 *   tests that start from a set-up install (fixtures.ts, `install: 'provisioned'`). Each such test
 *   gets its own copy, so nothing one test does is seen by another. Returns the teardown that
 *   removes it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOf, bundleTools } from '../support/toolBundles';
import { secretFromUri } from '../support/totp';
import { ACCOUNT } from './testAccount';
import { PROVISIONED_ENV, type ProvisionedInstall } from './provisioned';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function buildRenderer(): void {
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer.vite.config.ts'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (build.error) throw build.error;
  if (build.status !== 0) throw new Error(`The renderer build failed (exit code ${build.status}).`);
}

/** `admin init` for the test account; the folder, the authenticator's secret and the recovery codes. */
function provisionInstall(root: string): ProvisionedInstall {
  const dataDir = path.join(root, 'data');
  const init = spawnSync(
    process.execPath,
    [bundleOf('cli'), 'init', '--data', dataDir, '--org', ACCOUNT.orgName, '--admin', ACCOUNT.username, '--json'],
    { cwd: repoRoot, env: { ...process.env, KLUIS_PASSWORD: ACCOUNT.password }, encoding: 'utf8' },
  );
  if (init.status !== 0) throw new Error(`admin init failed (exit ${init.status}): ${init.stderr}`);
  const created = JSON.parse(init.stdout) as { otpauthUri: string; recoveryCodes: string[] };
  return { dataDir, secret: secretFromUri(created.otpauthUri), recoveryCodes: created.recoveryCodes };
}

export default async function setUpTheRun(): Promise<() => void> {
  buildRenderer();
  await bundleTools('previewServer', 'cli');
  const root = mkdtempSync(path.join(os.tmpdir(), 'kluis-e2e-provisioned-'));
  const file = path.join(root, 'install.json');
  writeFileSync(file, JSON.stringify(provisionInstall(root)));
  // Workers inherit the environment of the run.
  process.env[PROVISIONED_ENV] = file;
  return () => rmSync(root, { recursive: true, force: true });
}
