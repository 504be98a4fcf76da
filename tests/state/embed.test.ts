import { describe, expect, test } from 'vitest';
import { DEFAULT_EMBED, embedQuery, fallbackHeight, parseEmbed, type EmbedParams } from '../../src/lib/state/embed';
import { DEFAULT_VIEW, parseView, type ViewParams } from '../../src/lib/state/url';

describe('parseEmbed', () => {
  test.each([
    ['', DEFAULT_EMBED],
    ['?show=map', { ...DEFAULT_EMBED, show: 'map' }],
    ['?show=TIMELINE&theme=dark', { ...DEFAULT_EMBED, show: 'timeline', theme: 'dark' }],
    ['?controls=1&zoom=true', { ...DEFAULT_EMBED, controls: true, zoom: true }],
    ['?controls=0&zoom=no', DEFAULT_EMBED],
    ['?show=pie&theme=sepia&controls=maybe', DEFAULT_EMBED],
    // what pym.js adds to the iframe URL is ignored here
    ['?initialWidth=640&childId=x&parentTitle=A%20story&parentUrl=https%3A%2F%2Fnews.example%2F&show=both', DEFAULT_EMBED],
    ['?%E0%A4%A=1&show=map', { ...DEFAULT_EMBED, show: 'map' }],
  ] as [string, EmbedParams][])('%s', (search, expected) => {
    expect(parseEmbed(search)).toEqual(expected);
  });
});

describe('embedQuery', () => {
  const views: ViewParams[] = [
    { ...DEFAULT_VIEW },
    { ...DEFAULT_VIEW, metric: 'civilian-deaths', year: 2016, perp: 'regime+russia', victims: 'children', gov: 'SY-HL', v: 'cdff64446786' },
    { ...DEFAULT_VIEW, metric: 'barrel-bombs', period: '2012-07/2017-11', lang: 'ar' },
  ];
  const embeds: EmbedParams[] = [
    { ...DEFAULT_EMBED },
    { show: 'map', controls: true, theme: 'dark', zoom: true },
    { show: 'timeline', controls: false, theme: 'light', zoom: false },
  ];
  for (const view of views)
    for (const embed of embeds)
      test(`round trip: ${JSON.stringify(view)} ${JSON.stringify(embed)}`, () => {
        const q = embedQuery(view, embed);
        expect(parseView(q)).toEqual(view);
        expect(parseEmbed(q)).toEqual(embed);
      });

  test('writes show and theme even at their defaults, so a published embed keeps its look', () => {
    const q = embedQuery(DEFAULT_VIEW, DEFAULT_EMBED);
    expect(q).toMatch(/[?&]show=both(&|$)/);
    expect(q).toMatch(/[?&]theme=light(&|$)/);
    expect(q).toMatch(/[?&]metric=barrel-bombs/);
    expect(q).toMatch(/[?&]year=all/);
    expect(q).not.toMatch(/controls|zoom/);
  });
});

test.each([
  [{ show: 'both', controls: false }, 960],
  [{ show: 'map', controls: false }, 680],
  [{ show: 'timeline', controls: true }, 570],
] as const)('fallbackHeight(%o) = %i', (embed, h) => {
  expect(fallbackHeight(embed)).toBe(h);
});
