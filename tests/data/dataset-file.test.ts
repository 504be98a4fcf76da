/**
 * The dataset file format: observations stored as columns, read back as rows; older records with
 * one object per observation still read. Fixtures are synthetic.
 */
import { describe, expect, it } from 'vitest';
import { serializeDataset } from '../../scripts/data/build';
import { decodeDataset, encodeObservations, parseDataset } from '../../src/lib/data/load';
import type { Dataset } from '../../src/lib/data/types';

const dataset: Dataset = {
  version: 'abc123abc123',
  metrics: [],
  areas: [],
  perpetrators: [],
  sources: [],
  observations: [
    { id: 'a1', metric: 'civilian-deaths', period: '2017', area: 'SY', perp: 'all', victims: 'all', unit: 'civilians', value: 10204, source: 's1', status: 'published' },
    { id: 'a2', metric: 'barrel-bombs', period: '2015-07', area: 'SY-AL', perp: 'regime', perpPublished: 'Syrian regime', victims: 'all', unit: 'barrels', value: 5, qualifier: 'at-least', source: 's2', section: 'p. 3', status: 'derived', note: 'sum of two tables' },
  ],
  findings: [],
};

describe('dataset file', () => {
  it('round-trips every field, leaving absent optional fields absent', () => {
    const back = parseDataset(serializeDataset(dataset));
    expect(back).toEqual(dataset);
    expect('note' in back.observations[0]).toBe(false);
  });

  it('stores observations as columns', () => {
    const file = JSON.parse(serializeDataset(dataset));
    expect(Array.isArray(file.observations)).toBe(false);
    expect(file.observations.value).toEqual([10204, 5]);
    expect(file.observations.note).toEqual([null, 'sum of two tables']);
  });

  it('reads the older row form', () => {
    expect(decodeDataset(JSON.parse(JSON.stringify(dataset)))).toEqual(dataset);
  });

  it('refuses what is not a dataset', () => {
    expect(decodeDataset(null)).toBeNull();
    expect(decodeDataset({ version: 'x', sources: [] })).toBeNull();
    const cols = encodeObservations(dataset.observations);
    expect(decodeDataset({ version: 'x', sources: [], observations: { ...cols, value: [1] } })).toBeNull();
    expect(() => parseDataset('{"version":1}', 'f.json')).toThrow(/f.json: not a dataset/);
  });
});
