import { describe, expect, test } from 'vitest';
import { embedId, embedSnippet, embedUrl, pymSnippet, shareLink, siteUrl, viewLink } from '../../src/lib/share/snippet';
import { DEFAULT_VIEW, parseView, type ViewParams } from '../../src/lib/state/url';
import { DEFAULT_EMBED, parseEmbed } from '../../src/lib/embed/params';

const SITE = 'https://atlas.example.org/syria/';

describe('siteUrl', () => {
  test.each([
    ['https://atlas.example.org/?metric=x#map', './', 'https://atlas.example.org/'],
    ['https://atlas.example.org/syria/?metric=x', './', 'https://atlas.example.org/syria/'],
    ['https://atlas.example.org/syria/embed/?v=1', '../', 'https://atlas.example.org/syria/'],
    ['https://atlas.example.org/syria/index.html', './', 'https://atlas.example.org/syria/'],
    ['http://127.0.0.1:4173/', '', 'http://127.0.0.1:4173/'],
  ])('%s with base %s', (href, base, expected) => {
    expect(siteUrl(href, base)).toBe(expected);
  });
});

describe('viewLink', () => {
  test('writes every filter, so an old link keeps its view when the defaults change', () => {
    const link = viewLink(SITE, { ...DEFAULT_VIEW });
    expect(link).toBe(`${SITE}?metric=barrel-bombs&year=all&perp=all`);
  });
  test.each<ViewParams>([
    { ...DEFAULT_VIEW, metric: 'civilian-deaths', year: 2016, perp: 'russia', gov: 'SY-ID', lang: 'ar' },
    { ...DEFAULT_VIEW, period: '2014-02-22/2016-02-20', victims: 'women', perp: 'regime+russia' },
  ])('round trip %o', (view) => {
    const link = viewLink(SITE, view);
    expect(link.startsWith(SITE)).toBe(true);
    expect(parseView(new URL(link).search)).toEqual(view);
  });
});

describe('shareLink', () => {
  test("the measure's page (its share card), with the whole view in the query", () => {
    const view: ViewParams = { ...DEFAULT_VIEW, metric: 'civilian-deaths', year: 2016, perp: 'regime', gov: 'SY-HL' };
    const link = shareLink(SITE, view);
    expect(link.startsWith(`${SITE}m/civilian-deaths/?`)).toBe(true);
    expect(parseView(new URL(link).search)).toEqual(view);
  });
  test("UCDP's record has no measure page: the explorer link", () => {
    const view = parseView('?source=ucdp&umeasure=deaths');
    expect(shareLink(SITE, view)).toBe(viewLink(SITE, view));
  });
});

describe('embed snippet', () => {
  const view: ViewParams = { ...DEFAULT_VIEW, metric: 'civilian-deaths', year: 2016, v: 'cdff64446786' };
  const snippet = embedSnippet({ site: SITE, view, embed: DEFAULT_EMBED, title: 'Civilian deaths · 2016 "quoted" <b>' });

  test('an iframe on the embed page with the pinned view, a fallback height and the resize script', () => {
    const src = /<iframe [^>]*src="([^"]+)"/.exec(snippet)![1].replace(/&amp;/g, '&');
    expect(src.startsWith(`${SITE}embed/?`)).toBe(true);
    expect(parseView(new URL(src).search)).toEqual(view);
    expect(parseEmbed(new URL(src).search)).toEqual(DEFAULT_EMBED);
    expect(snippet).toContain('height="960"');
    expect(snippet).toContain('height:960px');
    expect(snippet).toContain(`<script async src="${SITE}embed.js"></script>`);
    expect(snippet).toMatch(/loading="lazy"/);
  });

  test('escapes the title and the URL for an HTML attribute', () => {
    expect(snippet).toContain('title="Civilian deaths · 2016 &quot;quoted&quot; &lt;b&gt;"');
    expect(snippet).toContain('&amp;year=2016');
    expect(snippet).not.toMatch(/src="[^"]*&(?!amp;)/);
  });

  test('pym variant: a container and pym.Parent with the same URL', () => {
    const pym = pymSnippet({ site: SITE, view, embed: DEFAULT_EMBED, title: 't' });
    const url = embedUrl(SITE, view, DEFAULT_EMBED);
    expect(pym).toContain(`<div id="${embedId(url)}"></div>`);
    expect(pym).toContain(`new pym.Parent("${embedId(url)}", ${JSON.stringify(url)}, {})`);
    expect(pym, 'the host page loads its own pym.js; the snippet names no third-party host').not.toMatch(/<script[^>]+src=/);
  });

  test('ids differ between views', () => {
    expect(embedId(embedUrl(SITE, view, DEFAULT_EMBED))).not.toBe(embedId(embedUrl(SITE, { ...view, year: 2017 }, DEFAULT_EMBED)));
  });
});
