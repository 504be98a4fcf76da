// Loading the built JSON under bad luck (issue #14, defects 3 and 6): a stalled request times out
// with a LoadError that says so, progress keeps a slow download alive, and a view pinned to a data
// version the atlas never published falls back to the latest (other failures are still thrown).
import { describe, expect, it } from 'vitest';
import { fetchJson, LoadError, resolveHere } from '../../src/lib/data/load';
import { loadWithVersionFallback } from '../../src/lib/data/version-fallback';

const never: typeof fetch = (_url, init) =>
  new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

function trickle(chunks: string[], gapMs: number): typeof fetch {
  return async () => {
    const body = new ReadableStream<Uint8Array>({
      async start(c) {
        for (const chunk of chunks) {
          await new Promise((r) => setTimeout(r, gapMs));
          c.enqueue(new TextEncoder().encode(chunk));
        }
        c.close();
      },
    });
    return new Response(body, { status: 200 });
  };
}

describe('resolveHere', () => {
  it('resolves a relative data URL against the page address, leaving no tab, newline or query of it', () => {
    // the base a browser reports after a link like `/?x=<b>` with a tab in it (tabs are dropped, `<` kept encoded)
    const doc = { baseURI: 'https://atlas.example/sub/?x=%3Cb%3E&metric=massacres' };
    expect(resolveHere('./data/full/massacres.json', doc)).toBe('https://atlas.example/sub/data/full/massacres.json');
    expect(resolveHere('../geo/syria.topo.json', { baseURI: 'https://atlas.example/sub/embed/?q=1' })).toBe('https://atlas.example/sub/geo/syria.topo.json');
  });
  it('leaves the URL as given where there is no page (build, tests)', () => {
    expect(resolveHere('./data/atlas.json', undefined)).toBe('./data/atlas.json');
  });
});

describe('fetchJson', () => {
  it('times out a request that gets no answer', async () => {
    const e = await fetchJson('x.json', 'the figures', never, 40).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LoadError);
    expect((e as LoadError).timedOut).toBe(true);
    expect((e as LoadError).what).toBe('the figures');
  });

  it('times out a body that stops half way', async () => {
    const stalls: typeof fetch = async (_url, init) =>
      new Response(
        new ReadableStream({
          start: (c) => {
            c.enqueue(new TextEncoder().encode('{"a":'));
            init?.signal?.addEventListener('abort', () => c.error(new DOMException('aborted', 'AbortError')));
          },
        }),
        { status: 200 },
      );
    const e = await fetchJson('x.json', 'the map', stalls, 40).catch((x: unknown) => x);
    expect((e as LoadError).timedOut).toBe(true);
  });

  it('accepts JSON served under any non-HTML type (hosts vary)', async () => {
    for (const type of ['application/json', 'application/octet-stream', 'text/plain', '']) {
      const res = new Response('{"a":1}', { status: 200, headers: type ? { 'content-type': type } : {} });
      expect(await fetchJson('x.json', 'the figures', async () => res, 1000)).toEqual({ a: 1 });
    }
  });

  it('keeps a slow download that keeps moving', async () => {
    expect(await fetchJson('x.json', 'the figures', trickle(['{"a":', '1', '}'], 25), 60)).toEqual({ a: 1 });
  });

  it.each([
    ['HTTP 500', async () => new Response('no', { status: 500 }), /HTTP 500/],
    ['truncated JSON', async () => new Response('{"a":', { status: 200 }), /not valid JSON/],
    ['network error', async () => Promise.reject(new TypeError('Failed to fetch')), /Failed to fetch/],
    ['a web page instead of JSON', async () => new Response('<!doctype html><p>home', { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } }), /a web page \(text\/html\) came instead/],
  ] as [string, typeof fetch, RegExp][])('%s is a LoadError, not a timeout', async (_, fetcher, message) => {
    const e = await fetchJson('x.json', 'the figures', fetcher, 1000).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LoadError);
    expect((e as LoadError).timedOut).toBe(false);
    expect((e as LoadError).message).toMatch(message);
  });
});

describe('loadWithVersionFallback', () => {
  const index = (versions: string[]): typeof fetch => async () => new Response(JSON.stringify({ latest: 'aaaaaa', versions: versions.map((version) => ({ version })) }));
  const loader = (failing: Set<string | null>) => async (v: string | null) => {
    if (failing.has(v)) throw new LoadError('the figures', `${v}.json`, 'HTTP 404');
    return `data of ${v ?? 'latest'}`;
  };

  it('loads a published version as asked', async () => {
    expect(await loadWithVersionFallback('./', 'bbbbbb', loader(new Set()), index(['bbbbbb']))).toEqual({ value: 'data of bbbbbb', missing: null });
  });

  it('falls back to the latest for a version the atlas never published, and says which', async () => {
    expect(await loadWithVersionFallback('./', 'abcdef', loader(new Set(['abcdef'])), index(['bbbbbb']))).toEqual({ value: 'data of latest', missing: 'abcdef' });
  });

  it('throws (retry) when a published version fails to load', async () => {
    await expect(loadWithVersionFallback('./', 'bbbbbb', loader(new Set(['bbbbbb'])), index(['bbbbbb']))).rejects.toThrow(/HTTP 404/);
  });

  it('throws (retry) when the list of versions cannot be read either (offline)', async () => {
    const offline: typeof fetch = async () => Promise.reject(new TypeError('offline'));
    await expect(loadWithVersionFallback('./', 'abcdef', loader(new Set(['abcdef'])), offline)).rejects.toThrow(/HTTP 404/);
  });

  it('does not ask for the list when nothing is pinned', async () => {
    let asked = false;
    const spy: typeof fetch = async () => ((asked = true), new Response('{}'));
    expect(await loadWithVersionFallback('./', null, loader(new Set()), spy)).toEqual({ value: 'data of latest', missing: null });
    expect(asked).toBe(false);
  });
});
