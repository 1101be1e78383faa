import { defineConfig } from 'vitest/config';

/**
 * The vitest config Stryker uses (`npm run mutate`, stryker.config.json). The same tests as
 * vitest.config.ts minus those that spawn the built CLI from dist/ (test/cli, test/e2e,
 * test/package.test.ts): they never see the in-memory mutants and are the slowest ones.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/cli/**', 'test/e2e/**', 'test/package.test.ts', '**/node_modules/**'],
    testTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['test/setup.ts'],
  },
});
