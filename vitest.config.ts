import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    globalSetup: ['test/support/globalSetup.ts'],
    // Argon2id at real parameters and real child processes make some tests take seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests spawn CLIs and open encrypted files; two cores, so keep the pool small.
    maxWorkers: 2,
    // Tests marked concurrent (the CLI's sign-in tests, which mostly wait for the authenticator's
    // next step) run three at a time: more would crowd the two cores and the codes' 20-second window.
    maxConcurrency: 3,
  },
});
