// Vitest configuration: every *.test.ts next to the code, run in Node.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'e2e/**/*.test.ts'],
    // Generous: CLI tests start real processes and databases, and CI machines may be busy.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Builds the command line when stale, so CLI tests run the built JavaScript.
    globalSetup: ['./scripts/vitest-global-setup.ts'],
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
