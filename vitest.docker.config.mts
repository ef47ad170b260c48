import { defineConfig } from 'vitest/config';

// Suites that need a Docker engine (compose lab, testcontainers).
export default defineConfig({
  test: {
    include: ['test/docker/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
