/** Types for test-summary.mjs (plain JavaScript so that `node scripts/test.mjs` needs no loader). */
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  /** why something counted as a failure without being a failed test (a crash, a missing report) */
  notes: string[];
}
export function emptyCounts(): Counts;
export function countVitest(text: string | undefined, exitCode: number | null): Counts;
export function countNodeTap(text: string | undefined, exitCode: number | null): Counts;
export function countCheck(label: string, exitCode: number | null, why?: string): Counts;
export function addCounts(...parts: Counts[]): Counts;
export function formatSummary(counts: Counts): string;
