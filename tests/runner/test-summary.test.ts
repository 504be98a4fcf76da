import { describe, expect, it } from 'vitest';
import { addCounts, countCheck, countNodeTap, countVitest, formatSummary } from '../../scripts/test-summary.mjs';

const vitestReport = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    numTotalTests: 5,
    numPassedTests: 3,
    numFailedTests: 1,
    numPendingTests: 1,
    numTodoTests: 0,
    numFailedTestSuites: 1,
    success: false,
    testResults: [
      { name: 'tests/a.test.ts', status: 'failed', message: '', assertionResults: [{ status: 'passed' }, { status: 'failed' }] },
      { name: 'tests/b.test.ts', status: 'passed', message: '', assertionResults: [{ status: 'passed' }] },
    ],
    ...over,
  });

const tap = (pass: number, fail: number, extra = '') =>
  `TAP version 13\nok 1 - a\n1..1\n# tests ${pass + fail}\n# suites 0\n# pass ${pass}\n# fail ${fail}\n${extra}# duration_ms 12.5\n`;

describe('countVitest', () => {
  it.each([
    { name: 'counts passed, failed and skipped tests', text: vitestReport(), code: 1, want: [3, 1, 1] },
    {
      name: 'counts a file that failed to load as one failure',
      text: vitestReport({
        numPassedTests: 2,
        numFailedTests: 0,
        numPendingTests: 0,
        testResults: [{ name: 'tests/c.test.ts', status: 'failed', message: 'SyntaxError: x\n  at y', assertionResults: [] }],
      }),
      code: 1,
      want: [2, 1, 0],
    },
    {
      name: 'counts a non-zero exit with no failed test as one failure',
      text: vitestReport({ numFailedTests: 0, testResults: [] }),
      code: 1,
      want: [3, 1, 1],
    },
    { name: 'counts a missing report (crash) as one failure', text: undefined, code: 1, want: [0, 1, 0] },
    { name: 'counts an unreadable report as one failure', text: '{"numPassed', code: 0, want: [0, 1, 0] },
    { name: 'counts JSON that is not a report as one failure', text: '[]', code: 0, want: [0, 1, 0] },
    {
      name: 'passes a clean run through',
      text: vitestReport({ numFailedTests: 0, numPendingTests: 0, numTodoTests: 2, testResults: [] }),
      code: 0,
      want: [3, 0, 2],
    },
  ])('$name', ({ text, code, want }) => {
    const c = countVitest(text, code);
    expect([c.passed, c.failed, c.skipped]).toEqual(want);
    if (want[1] > 0 && c.failed === 1 && want[0] === 0) expect(c.notes.length).toBeGreaterThan(0);
  });
});

describe('countNodeTap', () => {
  it.each([
    { name: 'reads the summary', text: tap(7, 0, '# cancelled 0\n# skipped 2\n# todo 1\n'), code: 0, want: [7, 0, 3] },
    { name: 'counts failures', text: tap(5, 2, '# cancelled 0\n# skipped 0\n# todo 0\n'), code: 1, want: [5, 2, 0] },
    { name: 'counts cancelled tests (timeouts) as failed', text: tap(5, 0, '# cancelled 3\n'), code: 1, want: [5, 3, 0] },
    { name: 'counts a missing report as one failure', text: undefined, code: 1, want: [0, 1, 0] },
    { name: 'counts a report cut short (no summary) as one failure', text: 'TAP version 13\nok 1 - a\n', code: null, want: [0, 1, 0] },
    { name: 'counts a non-zero exit with nothing failed as one failure', text: tap(4, 0), code: 1, want: [4, 1, 0] },
    {
      name: 'ignores summary-like lines inside test output, taking the last summary',
      text: `# Subtest: x\n    # pass 99\n${tap(1, 0)}`,
      code: 0,
      want: [1, 0, 0],
    },
  ])('$name', ({ text, code, want }) => {
    const c = countNodeTap(text, code);
    expect([c.passed, c.failed, c.skipped]).toEqual(want);
  });
});

describe('countCheck', () => {
  it.each([
    { name: 'a clean exit is one passed test', code: 0, why: undefined, want: [1, 0, 0], note: undefined },
    { name: 'errors are one failed test', code: 1, why: undefined, want: [0, 1, 0], note: 'lint failed (exit code 1)' },
    {
      name: 'a step the watchdog stopped is one failed test, with the reason',
      code: null,
      why: 'stopped after 10 min',
      want: [0, 1, 0],
      note: 'lint failed (stopped after 10 min)',
    },
  ])('$name', ({ code, why, want, note }) => {
    const c = countCheck('lint', code, why);
    expect([c.passed, c.failed, c.skipped]).toEqual(want);
    expect(c.notes[0]).toBe(note);
  });
});

describe('formatSummary', () => {
  it.each([
    { counts: { passed: 12, failed: 0, skipped: 0, notes: [] }, want: '12 passed, 0 failed' },
    { counts: { passed: 0, failed: 1, skipped: 0, notes: ['x'] }, want: '0 passed, 1 failed' },
    { counts: { passed: 3, failed: 2, skipped: 4, notes: [] }, want: '3 passed, 2 failed, 4 skipped' },
  ])('$want', ({ counts, want }) => {
    expect(formatSummary(counts)).toBe(want);
    expect(formatSummary(counts)).toMatch(/^\d+ passed, \d+ failed(, \d+ skipped)?$/);
  });

  it('adds the suites up', () => {
    const total = addCounts(
      { passed: 10, failed: 1, skipped: 0, notes: ['a'] },
      { passed: 5, failed: 0, skipped: 2, notes: [] },
      { passed: 0, failed: 1, skipped: 0, notes: ['b'] },
    );
    expect(total).toEqual({ passed: 15, failed: 2, skipped: 2, notes: ['a', 'b'] });
  });
});
