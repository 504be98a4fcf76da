/**
 * Turns what the test runners leave behind into one count, for `scripts/test.mjs`.
 *
 * Vitest writes a JSON report (`--reporter=json`), node's test runner a TAP stream
 * (`--test-reporter=tap`). Both are read defensively: a report that is missing, unreadable or
 * contradicted by the runner's exit code counts as one failure, so that a crash can never look
 * like "0 passed, 0 failed". Deliberately ignores durations and per-test detail: the runners'
 * own reporters print those for humans.
 *
 * Plain JavaScript (not TypeScript) because `npm test` runs `node scripts/test.mjs` directly;
 * types are in test-summary.d.mts.
 */

/** @typedef {{ passed: number, failed: number, skipped: number, notes: string[] }} Counts */

/** @returns {Counts} */
export function emptyCounts() {
  return { passed: 0, failed: 0, skipped: 0, notes: [] };
}

/**
 * Counts from a Vitest JSON report. A test file that failed to load has no failed test but a
 * failed suite: it counts as one failure. A non-zero exit with nothing failed (unhandled errors,
 * a crash after the report) counts as one failure too.
 * @param {string | undefined} text the report, or undefined when the file was not written
 * @param {number | null} exitCode
 * @returns {Counts}
 */
export function countVitest(text, exitCode) {
  const counts = emptyCounts();
  /** @type {any} */
  let report;
  try {
    if (text === undefined) throw new Error('no report written');
    report = JSON.parse(text);
    if (typeof report !== 'object' || report === null || typeof report.numPassedTests !== 'number') {
      throw new Error('not a Vitest JSON report');
    }
  } catch (err) {
    counts.failed = 1;
    counts.notes.push(`unit tests: the runner crashed or wrote no report (${errorMessage(err)}; exit code ${exitCode})`);
    return counts;
  }
  counts.passed = report.numPassedTests;
  counts.failed = num(report.numFailedTests);
  counts.skipped = num(report.numPendingTests) + num(report.numTodoTests);
  for (const file of Array.isArray(report.testResults) ? report.testResults : []) {
    const assertions = Array.isArray(file.assertionResults) ? file.assertionResults : [];
    if (file.status === 'failed' && !assertions.some((/** @type {any} */ a) => a.status === 'failed')) {
      counts.failed += 1;
      counts.notes.push(`unit tests: ${file.name ?? 'a test file'} failed to run: ${firstLine(file.message)}`);
    }
  }
  if (exitCode !== 0 && counts.failed === 0) {
    counts.failed = 1;
    counts.notes.push(`unit tests: Vitest exited with code ${exitCode} although no test failed (unhandled error?)`);
  }
  return counts;
}

/**
 * Counts from the summary at the end of a TAP stream written by `node --test` (`# pass N`,
 * `# fail N`, `# cancelled N`, `# skipped N`, `# todo N`). Cancelled tests (timeouts, a file
 * that died) count as failed.
 * @param {string | undefined} text
 * @param {number | null} exitCode
 * @returns {Counts}
 */
export function countNodeTap(text, exitCode) {
  const counts = emptyCounts();
  /** @type {Record<string, number>} */
  const summary = {};
  for (const match of (text ?? '').matchAll(/^# (tests|suites|pass|fail|cancelled|skipped|todo) (\d+)\s*$/gm)) {
    summary[match[1]] = Number(match[2]);
  }
  if (summary.pass === undefined || summary.fail === undefined) {
    counts.failed = 1;
    counts.notes.push(
      `browser tests: the runner crashed or wrote no summary (${text === undefined ? 'no report written' : 'no "# pass"/"# fail" lines'}; exit code ${exitCode})`,
    );
    return counts;
  }
  counts.passed = summary.pass;
  counts.failed = summary.fail + num(summary.cancelled);
  counts.skipped = num(summary.skipped) + num(summary.todo);
  if (exitCode !== 0 && counts.failed === 0) {
    counts.failed = 1;
    counts.notes.push(`browser tests: node --test exited with code ${exitCode} although no test failed`);
  }
  return counts;
}

/**
 * A check that is one test (the linter): passed when it exited 0, one failure otherwise. A step
 * stopped by the watchdog (`code` null) fails with the reason given.
 * @param {string} label
 * @param {number | null} exitCode
 * @param {string} [why] what happened when it did not exit on its own
 * @returns {Counts}
 */
export function countCheck(label, exitCode, why) {
  const counts = emptyCounts();
  if (exitCode === 0) {
    counts.passed = 1;
    return counts;
  }
  counts.failed = 1;
  counts.notes.push(`${label} failed (${why ?? `exit code ${exitCode}`})`);
  return counts;
}

/**
 * @param {...Counts} parts
 * @returns {Counts}
 */
export function addCounts(...parts) {
  const total = emptyCounts();
  for (const p of parts) {
    total.passed += p.passed;
    total.failed += p.failed;
    total.skipped += p.skipped;
    total.notes.push(...p.notes);
  }
  return total;
}

/**
 * The line CI reads: `N passed, N failed`, with `, N skipped` when something was skipped.
 * @param {Counts} counts
 */
export function formatSummary(counts) {
  return `${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`;
}

/** @param {unknown} n */
function num(n) {
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

/** @param {unknown} err */
function errorMessage(err) {
  return err instanceof Error ? err.message : String(err);
}

/** @param {unknown} s */
function firstLine(s) {
  return typeof s === 'string' && s ? s.split('\n')[0] : 'no message';
}
