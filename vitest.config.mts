import { defineConfig } from 'vitest/config';

// Every suite that needs no Docker. Suites run real node processes on loopback,
// so files run one at a time to keep a 2-core machine's timings sane.
export default defineConfig({
  test: {
    include: [
      'proto/test/**/*.test.ts',
      'services/*/test/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/dist/**', 'test/docker/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
