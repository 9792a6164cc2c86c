// listAgencies(): police agencies matching every given criterion, by id.
//
//   police-agency:a  PROVINCIAL  --HAS_JURISDICTION--> area:x --LOCATED_IN--> country:vn
//   police-agency:b  MUNICIPAL   --HAS_JURISDICTION--> area:z --LOCATED_IN--> area:y --LOCATED_IN--> country:cn
//   police-agency:c  PROVINCIAL  --HAS_JURISDICTION--> area:x
//   police-agency:d  NATIONAL    --HAS_JURISDICTION--> country:vn
//   police-agency:e  DISTRICT    --SUBORDINATE_TO--> police-agency:d   (no jurisdiction of its own)
//   police-agency:f  MUNICIPAL   (nothing known)

import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/errors.js';
import { listAgencies, type AgencyFilter } from '../../../src/store/queries/list-agencies.js';
import { entity, graphOf, relation } from '../../helpers.js';
import { seedGraph } from '../../seed-graph.js';
import { thrown } from '../thrown.js';

const kg = graphOf(
  [
    entity('police-agency:f', 'PoliceAgency', 'F', { level: 'MUNICIPAL' }),
    entity('police-agency:c', 'PoliceAgency', 'C', { level: 'PROVINCIAL' }),
    entity('police-agency:a', 'PoliceAgency', 'A', { level: 'PROVINCIAL' }),
    entity('police-agency:b', 'PoliceAgency', 'B', { level: 'MUNICIPAL' }),
    entity('police-agency:d', 'PoliceAgency', 'D', { level: 'NATIONAL' }),
    entity('police-agency:e', 'PoliceAgency', 'E', { level: 'DISTRICT' }),
    entity('area:x', 'Area', 'Dien Bien'),
    entity('area:y', 'Area', 'Yunnan'),
    entity('area:z', 'Area', 'Pu’er'),
    entity('country:vn', 'Country', 'Vietnam', { code: 'VN' }),
    entity('country:cn', 'Country', 'China', { code: 'CN' }),
  ],
  [
    relation('HAS_JURISDICTION', 'police-agency:c', 'area:x'),
    relation('HAS_JURISDICTION', 'police-agency:a', 'area:x'),
    relation('HAS_JURISDICTION', 'police-agency:b', 'area:z'),
    relation('HAS_JURISDICTION', 'police-agency:d', 'country:vn'),
    relation('SUBORDINATE_TO', 'police-agency:e', 'police-agency:d'),
    relation('LOCATED_IN', 'area:x', 'country:vn'),
    relation('LOCATED_IN', 'area:z', 'area:y'),
    relation('LOCATED_IN', 'area:y', 'country:cn'),
  ],
);

const list = (filter?: AgencyFilter) => listAgencies(kg, filter).map((a) => a.id.replace('police-agency:', ''));

describe('listAgencies', () => {
  it('without a filter lists every agency by id', () => {
    expect(list()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('filters by level', () => {
    expect(list({ level: 'PROVINCIAL' })).toEqual(['a', 'c']);
    expect(list({ level: 'MUNICIPAL' })).toEqual(['b', 'f']);
    expect(list({ level: 'NATIONAL' })).toEqual(['d']);
    expect(list({ level: 'DISTRICT' })).toEqual(['e']);
  });

  it('filters by the area or country directly under their jurisdiction, sorted by id', () => {
    expect(list({ jurisdiction: 'area:x' })).toEqual(['a', 'c']);
    expect(list({ jurisdiction: 'area:z' })).toEqual(['b']);
    expect(list({ jurisdiction: 'country:vn' })).toEqual(['d']);
    // area:z lies in area:y, but nobody holds jurisdiction over area:y itself
    expect(list({ jurisdiction: 'area:y' })).toEqual([]);
  });

  it('filters by country, through jurisdiction, areas and whom they report to', () => {
    expect(list({ country: 'country:vn' })).toEqual(['a', 'c', 'd', 'e']);
    expect(list({ country: 'country:cn' })).toEqual(['b']);
    // an id that is no country matches no agency
    expect(list({ country: 'area:x' })).toEqual([]);
  });

  it('keeps the agencies meeting every criterion', () => {
    expect(list({ level: 'PROVINCIAL', country: 'country:vn' })).toEqual(['a', 'c']);
    expect(list({ level: 'MUNICIPAL', country: 'country:cn' })).toEqual(['b']);
    expect(list({ level: 'MUNICIPAL', country: 'country:vn' })).toEqual([]);
    expect(list({ jurisdiction: 'area:x', level: 'NATIONAL' })).toEqual([]);
    expect(list({ jurisdiction: 'area:x', country: 'country:cn' })).toEqual([]);
    expect(list({ jurisdiction: 'country:vn', country: 'country:vn', level: 'NATIONAL' })).toEqual(['d']);
  });

  it.each([
    [{ jurisdiction: 'area:nope' }, 'area:nope'],
    [{ country: 'country:la' }, 'country:la'],
  ] as [AgencyFilter, string][])('%j throws a NOT_FOUND NotFoundError', (filter, id) => {
    const error = thrown(() => listAgencies(kg, filter));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(new RegExp(`^agencies: no entity has the id "${id}"`));
  });
});

describe('listAgencies on the seed graph', () => {
  const seed = seedGraph();
  it('finds the Chinese agencies and the provincial ones', () => {
    const ids = (filter: AgencyFilter) => listAgencies(seed, filter).map((a) => a.id);
    expect(ids({ country: 'country:cn' })).toEqual(['police-agency:guangxi-public-security-department', 'police-agency:puer-municipal-police-department']);
    expect(ids({ level: 'MUNICIPAL' })).toEqual(['police-agency:puer-municipal-police-department']);
    expect(ids({ jurisdiction: 'area:dien-bien' })).toEqual(['police-agency:dien-bien-provincial-police-department']);
  });
});
