/** Vitest's global setup: the CLI tests run the admin CLI from one bundle (test/support/toolBundles.ts). */
import { bundleTools } from './toolBundles';

export default async function setup(): Promise<void> {
  await bundleTools('cli');
}
