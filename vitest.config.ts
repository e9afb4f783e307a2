import { defineConfig } from 'vitest/config';
import projects from './vitest.workspace';

// In CI a JSON report is written too, so .ci/run can print the plain
// "N passed, N failed" closing line.
export default defineConfig({
  test: {
    projects,
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]] : ['default'],
  },
});
