/**
 * `npm run data`, first half: validates data/*.csv and writes static/data/atlas.json.
 *
 *   tsx scripts/build-data.ts [--data DIR] [--out FILE]
 *
 * Then (default data and output only) writes the register of parties and measures for the pages
 * (scripts/data/register.ts) and publishes the data version (scripts/publish-versions.ts).
 *
 * On any validation error, prints every error as `file:line: reason` to stderr, writes nothing
 * and exits 1. Otherwise writes the dataset atomically (temporary file, then rename), prints the
 * data-quality findings and a summary to stdout. Findings never fail the build. The work is done
 * by `runBuild` in scripts/data/build.ts, which the tests call directly.
 */
import { resolve } from 'node:path';
import { runBuild } from './data/build';
import { runPublish } from './publish-versions';
import { runRegister } from './data/register';

const root = resolve(import.meta.dirname, '..');
process.exitCode = runBuild(process.argv.slice(2), root);
// The register of parties and measures, for the pages (only for the default data and output).
if (process.exitCode === 0 && process.argv.length === 2) process.exitCode = runRegister(resolve(root, 'data'), root);
// Keep every published data version for pinned embeds (only for the default output).
if (process.exitCode === 0 && process.argv.length === 2) process.exitCode = runPublish(root);
