import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    projects: [
      {
        // Pure code: no database, no global set-up to wait for. Its files share one process
        // (isolate: false): starting one per file cost fifteen times what the tests take.
        extends: true,
        test: { name: 'unit', include: ['core/**/*.test.ts', 'web/**/*.test.ts', 'docs/**/*.test.ts'], isolate: false },
      },
      {
        // The API and the browser. A worker runs many files in one process (isolate: false), so its
        // modules load once and its files share one database (server/test/database.ts), each file
        // in an organisation of its own.
        extends: true,
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'e2e/**/*.test.ts'],
          globalSetup: ['server/test/global-setup.ts'],
          pool: 'forks',
          isolate: false,
          // Test-only argon2 parameters (server/lib/password.ts): hundreds of users are created and signed in.
          env: { OPENKAM_TEST_PASSWORD_HASH: 'fast' },
        },
      },
    ],
  },
});
