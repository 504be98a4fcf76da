/**
 * `npm run data`, first half: validates data/*.csv and writes static/data/atlas.json.
 *
 *   tsx scripts/build-data.ts [--data DIR] [--out FILE]
 *
 * On any validation error, prints every error as `file:line: reason` to stderr, writes nothing
 * and exits 1. Otherwise writes the dataset atomically (temporary file, then rename), prints the
 * data-quality findings and a summary to stdout. Findings never fail the build. The work is done
 * by `runBuild` in scripts/data/build.ts, which the tests call directly.
 */
import { resolve } from 'node:path';
import { runBuild } from './data/build';
import { runPublish } from './publish-versions';

process.exitCode = runBuild(process.argv.slice(2), resolve(import.meta.dirname, '..'));
// Keep every published data version for pinned embeds (only for the default output).
if (process.exitCode === 0 && process.argv.length === 2) process.exitCode = runPublish(resolve(import.meta.dirname, '..'));
