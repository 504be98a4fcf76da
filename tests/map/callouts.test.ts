/** Which governorates get a callout (src/lib/map/callouts.ts), on the built geometry (run `npm run data` first). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { governoratesOf, type SyriaTopology } from '../../src/lib/map/geo';
import { tooSmall } from '../../src/lib/map/callouts';

const governorates = governoratesOf(JSON.parse(readFileSync('static/geo/syria.topo.json', 'utf8')) as SyriaTopology);

describe('tooSmall', () => {
  it('on a 390 px phone, Damascus and Quneitra (and narrow Tartus) are under a 24 px target', () => {
    expect(tooSmall(governorates, 358, 294)).toEqual(expect.arrayContaining(['SY-DI', 'SY-QU']));
    expect(tooSmall(governorates, 358, 294)).not.toContain('SY-RD');
  });
  it('on a desktop map, Damascus and Quneitra only', () => {
    expect(tooSmall(governorates, 820, 672).sort()).toEqual(['SY-DI', 'SY-QU']);
  });
  it('a larger minimum takes more; none when every shape is big enough', () => {
    expect(tooSmall(governorates, 820, 672, 60).length).toBeGreaterThan(2);
    expect(tooSmall(governorates, 820, 672, 1)).toEqual([]);
  });
});
