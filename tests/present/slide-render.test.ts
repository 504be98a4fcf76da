/** A printed slide rendered by `svelte/server` from the built data and geometry. */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'svelte/server';
import Slide from '../../src/lib/present/Slide.svelte';
import { indexDataset } from '../../src/lib/data/select';
import { parseDataset } from '../../src/lib/data/load';
import { governoratesOf, neighbourBorders, neighboursOf, type SyriaTopology } from '../../src/lib/map/geo';
import { slideFacts, slideView } from '../../src/lib/present/slide';
import { KEY_FIGURES } from '../../src/lib/present/decks/key-figures';

const root = join(import.meta.dirname, '../..');
const dataFile = join(root, 'static/data/atlas.json');
const geoFile = join(root, 'static/geo/syria.topo.json');
const ready = existsSync(dataFile) && existsSync(geoFile);

describe.skipIf(!ready)('Slide (print variant, server render)', () => {
  const atlas = indexDataset(parseDataset(readFileSync(dataFile, 'utf8')));
  const topo = JSON.parse(readFileSync(geoFile, 'utf8')) as SyriaTopology;
  const geo = { governorates: governoratesOf(topo), neighbours: neighboursOf(topo), borders: neighbourBorders(topo) };

  it.each(KEY_FIGURES.slides.map((s, i) => [i, s] as const))('slide %i shows its title, map, figures, sources and counter', (i, s) => {
    const v = slideView(atlas, s.view);
    const html = render(Slide, {
      props: { atlas, query: v.query, map: v.map, time: v.time, geo, title: s.title, index: i, count: KEY_FIGURES.slides.length, viewString: s.view, variant: 'print', note: s.note },
    }).body;
    expect(html).toContain(s.title.replace(/’/g, '’'));
    expect(html).toContain(`data-view="${s.view.replace(/&/g, '&amp;')}"`);
    expect(html).toMatch(/<svg[^>]*class="choropleth/);
    expect((html.match(/path[^>]*data-code="SY-/g) ?? []).length).toBe(14);
    for (const f of slideFacts(atlas, v.map, v.time).figures) expect(html).toContain(`data-observation="${f.figure.shown.id}"`);
    for (const src of slideFacts(atlas, v.map, v.time).sources) expect(html).toContain(src.url.replace(/&/g, '&amp;'));
    expect(html).toContain(`${i + 1} / ${KEY_FIGURES.slides.length}`);
    expect(html).toContain('Speaker note');
  });
});
