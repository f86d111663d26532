import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/redis.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Slow suites (subprocess workers, Redis restarts) are many small files; two cores on CI.
    maxWorkers: 2,
  },
});
