/**
 * The install global setup provisions with `admin init` (global-setup.ts): the test account's
 * install, its authenticator's secret and its recovery codes. A test that starts from it
 * (`test.use({ install: 'provisioned' })`) runs on its own copy of the folder.
 */
import { readFileSync } from 'node:fs';

/** The environment variable through which global setup tells the workers where the install is. */
export const PROVISIONED_ENV = 'KLUIS_E2E_PROVISIONED';

export interface ProvisionedInstall {
  dataDir: string;
  secret: string;
  recoveryCodes: string[];
}

export function provisionedInstall(): ProvisionedInstall {
  const file = process.env[PROVISIONED_ENV];
  if (!file) throw new Error(`${PROVISIONED_ENV} is not set: the provisioned install is made by the run's global setup.`);
  return JSON.parse(readFileSync(file, 'utf8')) as ProvisionedInstall;
}
