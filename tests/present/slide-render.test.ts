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
import { selectMap } from '../../src/lib/data/select';
import { i18n, setLocale } from '../../src/lib/i18n/i18n.svelte';
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
      props: {
        atlas,
        query: v.query,
        map: v.map,
        time: v.time,
        geo,
        title: s.title,
        index: i,
        count: KEY_FIGURES.slides.length,
        viewString: s.view,
        variant: 'print',
        note: s.note,
      },
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

  for (const lang of ['en', 'ar'] as const)
    it(`${lang}: with the deck's table option, the 14 governorates in the timeline's place, largest first, each with the map's figure`, async () => {
      await setLocale(lang, undefined);
      try {
        const view = '?metric=massacres&year=2015&perp=all';
        const v = slideView(atlas, view);
        const props = { atlas, query: v.query, map: v.map, time: v.time, geo, title: 'T', index: 0, count: 1, viewString: view, variant: 'print' as const };
        const html = render(Slide, { props: { ...props, table: true } }).body;
        expect(render(Slide, { props }).body).not.toContain('data-testid="slide-table"');
        expect(html).toContain('data-testid="slide-table"');
        expect(html).not.toContain('class="time-box');
        const rows = [...html.matchAll(/<tr data-code="(SY-\w+)" data-status="(\w[\w-]*)">([\s\S]*?)<\/tr>/g)];
        expect(rows.length).toBe(14);
        const map = selectMap(atlas, v.query);
        const values: number[] = [];
        for (const [, code, status, cells] of rows) {
          const cell = map.cells.find((c) => c.codes.includes(code));
          expect(status).toBe(cell?.status ?? 'not-listed');
          const name = atlas.dataset.areas.find((a) => a.code === code)!;
          expect(cells).toContain(lang === 'ar' ? name.name_ar : name.name_en);
          if (cell?.status === 'value') {
            const n = Number(/class="num">([^<]*)</.exec(cells)![1].replace(/[^\d]/g, ''));
            expect(n).toBe(cell.figure!.shown.value);
            values.push(n);
          }
        }
        expect(values).toEqual([...values].sort((a, b) => b - a));
        // the top governorates are not said twice: the table holds them
        expect(html).not.toContain('data-kind="area"');
        expect(html).toContain(lang === 'ar' ? i18n.t('tables.col.name') : 'Governorate');
      } finally {
        await setLocale('en', undefined);
      }
    });
});
