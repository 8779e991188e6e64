import { readFileSync } from 'node:fs';

/** Prints Vitest's totals as one plain closing line (`N passed, N failed`), which any CI can read. */
const file = process.argv[2] ?? 'artifacts/vitest-results.json';
const results = JSON.parse(readFileSync(file, 'utf8')) as {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
};
const skipped = results.numPendingTests + results.numTodoTests;
console.log(
  `${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`,
);
