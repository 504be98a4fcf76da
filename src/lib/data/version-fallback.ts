/**
 * A view pinned to a data version (`v=`) that the atlas never published: no retry can load it, so
 * the page shows the latest figures and says which version was missing. A separate module, loaded
 * only by pinned views, to keep it out of the explorer's first-paint JavaScript.
 */
import { fetchJson } from './load';

/** Whether `version` is missing from the published list (`data/versions.json`); false when the list cannot be read. */
export async function isUnpublishedVersion(base: string, version: string, fetcher: typeof fetch = fetch): Promise<boolean> {
  try {
    const index = await fetchJson<{ versions?: unknown }>(`${base}data/versions.json`, 'the list of data versions', fetcher);
    if (!Array.isArray(index.versions)) return false;
    return !index.versions.some((v) => (v as { version?: unknown } | null)?.version === version);
  } catch {
    return false;
  }
}

/**
 * Loads what a view pinned to `version` needs; when that fails because the atlas never published
 * the version (a well-formed but unknown `v=`, which no retry can fix), loads the latest instead
 * and says which version was missing. Any other failure (offline, a server error) is thrown, so
 * the page offers its retry.
 */
export async function loadWithVersionFallback<T>(
  base: string,
  version: string | null,
  load: (version: string | null) => Promise<T>,
  fetcher: typeof fetch = fetch,
): Promise<{ value: T; missing: string | null }> {
  if (version === null) return { value: await load(null), missing: null };
  try {
    return { value: await load(version), missing: null };
  } catch (e) {
    if (!(await isUnpublishedVersion(base, version, fetcher))) throw e;
    return { value: await load(null), missing: version };
  }
}
