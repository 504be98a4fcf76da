/**
 * SYNTHETIC fixture for the selection rules: made-up figures shaped like SNHR's, not real data.
 * Every edge the rules care about has a case: a year with a full split, a partial split, parts
 * with no total, a gap year, a governorate table that omits a governorate, a combined area, two
 * vintages, a conflict, a corroborating outlet, a persons-only year, a month table.
 */
import type { Dataset, Observation, Source } from '../../src/lib/data/types';

const src = (id: string, date: string, role: 'primary' | 'secondary' = 'primary'): Source => ({
  id, publisher: role === 'primary' ? 'Syrian Network for Human Rights' : 'Outlet', title: `Synthetic ${id}`,
  date, url: `https://example.org/${id}`, language: 'en', role,
});

let n = 0;
export function obs(o: Partial<Observation> & Pick<Observation, 'metric' | 'period' | 'value' | 'source'>): Observation {
  n += 1;
  return {
    id: `o${String(n).padStart(4, '0')}`, area: 'SY', perp: 'all', victims: 'all',
    unit: o.metric === 'barrel-bombs' ? 'barrels' : 'civilians', status: 'published', ...o,
  };
}

export function fixture(): Dataset {
  n = 0;
  const observations: Observation[] = [
    // civilian deaths: 2016 full split, 2017 partial split, 2018 parts only, 2019 gap, 2020 total only
    obs({ metric: 'civilian-deaths', period: '2016', value: 100, source: 'a2017' }),
    obs({ metric: 'civilian-deaths', period: '2016', perp: 'regime', perpPublished: 'Syrian regime forces', value: 60, source: 'a2017' }),
    obs({ metric: 'civilian-deaths', period: '2016', perp: 'russia', perpPublished: 'Russian forces', value: 30, source: 'a2017' }),
    obs({ metric: 'civilian-deaths', period: '2016', perp: 'other', perpPublished: 'Other parties', value: 10, source: 'a2017' }),
    obs({ metric: 'civilian-deaths', period: '2016', perp: 'turkey', perpPublished: 'Turkish border guards', value: 4, source: 'a2017' }),
    obs({ metric: 'civilian-deaths', period: '2017', value: 80, source: 'a2018' }),
    obs({ metric: 'civilian-deaths', period: '2017', perp: 'isis', perpPublished: 'ISIS', value: 20, source: 'a2018' }),
    obs({ metric: 'civilian-deaths', period: '2017', value: 80, source: 'outlet2018', status: 'published-secondary' }),
    obs({ metric: 'civilian-deaths', period: '2018', perp: 'regime', perpPublished: 'Syrian regime forces', value: 40, source: 'a2019' }),
    obs({ metric: 'civilian-deaths', period: '2018', perp: 'sdf', perpPublished: 'SDF', value: 5, source: 'a2019' }),
    obs({ metric: 'civilian-deaths', period: '2020', value: 50, source: 'a2021' }),
    obs({ metric: 'civilian-deaths', period: '2020', perp: 'regime', perpPublished: 'Syrian regime forces', value: 70, source: 'a2021' }),
    obs({ metric: 'civilian-deaths', period: '2020', victims: 'children', value: 12, source: 'a2021', status: 'conflict' }),
    obs({ metric: 'civilian-deaths', period: '2020', victims: 'children', value: 21, source: 'a2021', status: 'conflict' }),
    obs({ metric: 'civilian-deaths', period: '2015', unit: 'persons', value: 300, source: 'a2016' }),
    obs({ metric: 'civilian-deaths', period: '2020-03', value: 7, source: 'm2020' }),
    obs({ metric: 'civilian-deaths', period: '2020-03', area: 'SY-ID', value: 3, source: 'm2020' }),
    obs({ metric: 'civilian-deaths', period: '2020', area: 'SY-HL', unit: 'percent', value: 27, qualifier: 'approx', source: 'a2021' }),
    // barrel bombs: two vintages of 2014, a cumulative governorate table with a combined area, a yearly table
    obs({ metric: 'barrel-bombs', period: '2014', perp: 'regime', perpPublished: 'Syrian regime', value: 1000, source: 'b2017' }),
    obs({ metric: 'barrel-bombs', period: '2014', perp: 'regime', perpPublished: 'Syrian regime', value: 1300, source: 'b2021' }),
    obs({ metric: 'barrel-bombs', period: '2015', perp: 'regime', perpPublished: 'Syrian regime', value: 900, source: 'b2021' }),
    obs({ metric: 'barrel-bombs', period: '2012-07/2017-11', perp: 'regime', perpPublished: 'Syrian regime', value: 2000, source: 'b2017' }),
    obs({ metric: 'barrel-bombs', period: '2012-07/2017-11', area: 'SY-DI+SY-RD', perp: 'regime', perpPublished: 'Syrian regime', value: 800, source: 'b2017' }),
    obs({ metric: 'barrel-bombs', period: '2012-07/2017-11', area: 'SY-HL', perp: 'regime', perpPublished: 'Syrian regime', value: 700, source: 'b2017' }),
    obs({ metric: 'barrel-bombs', period: '2012-07/2017-11', area: 'SY-DR', perp: 'regime', perpPublished: 'Syrian regime', value: 500, source: 'b2017' }),
    obs({ metric: 'barrel-bombs', period: '2012-07/2024-09', area: 'SY-DR', perp: 'regime', perpPublished: 'Syrian regime', value: 1100, qualifier: 'approx', source: 'b2021' }),
    obs({ metric: 'barrel-bombs', period: '2015', area: 'SY-RD', perp: 'regime', perpPublished: 'Syrian regime', value: 600, source: 'b2016' }),
    obs({ metric: 'barrel-bombs', period: '2015', area: 'SY-HL', perp: 'regime', perpPublished: 'Syrian regime', value: 300, source: 'b2016' }),
    obs({ metric: 'barrel-bombs', period: '2015-07', area: 'SY-HL', perp: 'regime', perpPublished: 'Syrian regime', value: 30, source: 'b2015' }),
  ];
  return {
    version: 'synthetic0001',
    metrics: [
      { id: 'civilian-deaths', unit: 'civilians', name_en: 'Civilian deaths', name_ar: '', description_en: '', description_ar: '' },
      { id: 'barrel-bombs', unit: 'barrels', sole_perpetrator: 'regime', name_en: 'Barrel bombs', name_ar: '', description_en: '', description_ar: '' },
    ],
    areas: [],
    perpetrators: ['regime', 'russia', 'isis', 'sdf', 'other'].map((id) => ({ id, name_en: id, name_ar: id, names_published: [], description_en: '' }))
      .concat([{ id: 'turkey', parent: 'other', name_en: 'turkey', name_ar: '', names_published: [], description_en: '' } as never]),
    sources: [
      src('a2016', '2016-01-01'), src('a2017', '2017-01-18'), src('a2018', '2018-01-01'), src('outlet2018', '2018-01-03', 'secondary'),
      src('a2019', '2019-01-01'), src('a2021', '2021-01-01'), src('m2020', '2020-04-01'),
      src('b2015', '2015-08-09'), src('b2016', '2016-01-11'), src('b2017', '2017-12-25'), src('b2021', '2021-04-15'),
    ],
    observations,
    findings: [],
  };
}
