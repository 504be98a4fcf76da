// `npm audit --omit=dev`: the packages the site ships must have no high or critical advisory.
// The audit asks the package registry's advisory service; where that service cannot be reached
// (an offline machine, a proxy that refuses it), the test is skipped with a loud message, unless
// ATLAS_AUDIT=required (which CI may set where the service is reachable): then it fails.
// ATLAS_AUDIT=off skips it without asking the network.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const mode = process.env.ATLAS_AUDIT ?? 'auto';

describe('npm audit (shipped dependencies)', () => {
  it.skipIf(mode === 'off')('reports no high or critical advisory', { timeout: 90_000 }, (ctx) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const run = spawnSync(npm, ['audit', '--omit=dev', '--json'], { cwd: resolve(import.meta.dirname, '../..'), encoding: 'utf8', timeout: 80_000 });
    let report: { metadata?: { vulnerabilities?: Record<string, number> }; message?: string; error?: { summary?: string } } | null = null;
    try {
      report = JSON.parse(run.stdout);
    } catch {
      report = null;
    }
    const counts = report?.metadata?.vulnerabilities;
    if (!counts) {
      const why = (report?.message ?? report?.error?.summary ?? run.stderr ?? String(run.error ?? '')).split('\n')[0].slice(0, 200);
      const message = `npm audit could not reach the advisory service (${why || 'no answer'})`;
      if (mode === 'required') throw new Error(`${message}; ATLAS_AUDIT=required`);
      console.warn(`\n!!! SKIPPED: ${message}.\n!!! The shipped dependencies were NOT audited. Set ATLAS_AUDIT=required where the service is reachable.\n`);
      ctx.skip();
      return;
    }
    expect({ high: counts.high ?? 0, critical: counts.critical ?? 0 }, JSON.stringify(counts)).toEqual({ high: 0, critical: 0 });
  });
});
