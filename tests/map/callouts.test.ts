/** Which governorates get a callout (src/lib/map/callouts.ts), on the built geometry (run `npm run data` first). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { geoPath } from 'd3-geo';
import { fitProjection, governoratesOf, type SyriaTopology } from '../../src/lib/map/geo';
import { CALLOUT, MIN_TARGET, calloutPlaces, mapPadding, tooSmall } from '../../src/lib/map/callouts';

const governorates = governoratesOf(JSON.parse(readFileSync('static/geo/syria.topo.json', 'utf8')) as SyriaTopology);

describe('tooSmall', () => {
  it('on a 390 px phone, Damascus and Quneitra (and narrow Tartus) are under a 24 px target', () => {
    expect(tooSmall(governorates, 358, 294)).toEqual(expect.arrayContaining(['SY-DI', 'SY-QU']));
    expect(tooSmall(governorates, 358, 294)).not.toContain('SY-RD');
  });
  it('a thin diagonal shape with no 24 px of room anywhere counts as too small (Latakia on a phone), not on a desktop', () => {
    expect(tooSmall(governorates, 358, 294)).toContain('SY-LA');
    expect(tooSmall(governorates, 820, 672)).not.toContain('SY-LA');
    // the big ones always have room
    for (const code of ['SY-HL', 'SY-HI', 'SY-DY', 'SY-HA', 'SY-RD', 'SY-ID', 'SY-HM', 'SY-DR'])
      expect(tooSmall(governorates, 358, 294), code).not.toContain(code);
  });
  it('on a desktop map, Damascus and Quneitra only', () => {
    expect(tooSmall(governorates, 820, 672).sort()).toEqual(['SY-DI', 'SY-QU']);
  });
  it('a larger minimum takes more; none when every shape is big enough', () => {
    expect(tooSmall(governorates, 820, 672, 60).length).toBeGreaterThan(2);
    expect(tooSmall(governorates, 820, 672, 1)).toEqual([]);
  });
});

describe('calloutPlaces: one geometry for the explorer, the embed and the exported image', () => {
  it('stacks the callouts top-left, 28 px tall, 4 px apart, each pointing at its governorate', () => {
    const places = calloutPlaces(governorates, 820, 672);
    expect(places.map((p) => p.code).sort()).toEqual(['SY-DI', 'SY-QU']);
    places.forEach((p, i) => {
      expect(p).toMatchObject({ x: CALLOUT.inset, y: CALLOUT.inset + i * (CALLOUT.height + CALLOUT.gap), height: CALLOUT.height });
      expect(CALLOUT.height).toBeGreaterThanOrEqual(MIN_TARGET);
    });
    // both lie in the south-west of Syria: below the callouts
    for (const p of places) {
      expect(p.anchor[0]).toBeGreaterThan(40);
      expect(p.anchor[1]).toBeGreaterThan(300);
    }
    // Damascus's anchor is inside its drawn box
    const di = places.find((p) => p.code === 'SY-DI')!;
    const [[x0, y0], [x1, y1]] = geoPath(fitProjection(governorates, 820, 672, mapPadding(820, 672))).bounds(governorates.find((g) => g.id === 'SY-DI')!);
    expect(di.anchor[0]).toBeGreaterThanOrEqual(x0);
    expect(di.anchor[0]).toBeLessThanOrEqual(x1);
    expect(di.anchor[1]).toBeGreaterThanOrEqual(y0);
    expect(di.anchor[1]).toBeLessThanOrEqual(y1);
    expect(calloutPlaces(governorates, 820, 672, 1)).toEqual([]);
  });
  it("the overlay's CSS draws the same sizes as CALLOUT (MapCallouts.svelte)", () => {
    const css = readFileSync('src/lib/map/MapCallouts.svelte', 'utf8');
    const rule = (sel: string) => css.slice(css.indexOf(`${sel} {`), css.indexOf('}', css.indexOf(`${sel} {`)));
    expect(rule('.callouts')).toContain(`left: ${CALLOUT.inset}px`);
    expect(rule('.callouts')).toContain(`top: ${CALLOUT.inset}px`);
    expect(rule('.callouts')).toContain(`gap: ${CALLOUT.gap}px`);
    expect(rule('.callouts button')).toContain(`min-block-size: ${CALLOUT.height}px`);
    expect(rule('.swatch')).toContain(`inline-size: ${CALLOUT.swatch}px`);
    expect(rule('.selected-label')).toContain(`right: ${CALLOUT.inset}px`);
    expect(rule('.selected-label')).toContain(`bottom: ${CALLOUT.inset}px`);
  });
});
