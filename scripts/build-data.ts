/**
 * `npm run data`, first half: validates data/*.csv and writes static/data/atlas.json.
 *
 *   tsx scripts/build-data.ts [--data DIR] [--out FILE]
 *
 * On any validation error, prints every error as `file:line: reason` to stderr, writes nothing
 * and exits 1. Otherwise writes the dataset atomically (temporary file, then rename), prints the
 * data-quality findings and a summary to stdout. Findings never fail the build. The work is done
 * by `runBuild` in src/lib/data/build.ts, which the tests call directly.
 */
import { resolve } from 'node:path';
import { runBuild } from '../src/lib/data/build';

process.exitCode = runBuild(process.argv.slice(2), resolve(import.meta.dirname, '..'));
