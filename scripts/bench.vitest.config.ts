// Runs scripts/bench-*.ts through vitest, which resolves src/'s `.js` imports to their `.ts` files
// (plain `node` cannot); not part of `npm test`: benchmarks measure, they do not assert.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['scripts/bench-*.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    reporters: ['default'],
  },
});
