// listPeople(): people matching every given criterion, by id.
//
//   person:p  Senior Colonel  VN   holds a post in police-agency:a
//   person:q  Colonel         CN   holds a post in police-agency:b
//   person:r  (no rank)       VN   holds posts in police-agency:a and police-agency:b
//   person:s  Senior Colonel  (no nationality, no post)

import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/errors.js';
import { listPeople, type PersonFilter } from '../../../src/store/queries/list-people.js';
import { entity, graphOf, relation } from '../../helpers.js';
import { seedGraph } from '../../seed-graph.js';
import { thrown } from '../thrown.js';

const kg = graphOf(
  [
    entity('person:s', 'Person', 'Sam', { rank: 'Senior Colonel' }),
    entity('person:r', 'Person', 'Rui', { nationality: 'VN' }),
    entity('person:q', 'Person', 'Ma Shuliang', { rank: 'Colonel', nationality: 'CN' }),
    entity('person:p', 'Person', 'Vu Tien Dung', { rank: 'Senior Colonel', nationality: 'VN' }),
    entity('police-agency:a', 'PoliceAgency', 'Agency A'),
    entity('police-agency:b', 'PoliceAgency', 'Agency B'),
    entity('police-agency:idle', 'PoliceAgency', 'Idle agency'),
  ],
  [
    relation('HOLDS_POSITION', 'person:r', 'police-agency:a'),
    relation('HOLDS_POSITION', 'person:p', 'police-agency:a', { title: 'Vice Director' }),
    relation('HOLDS_POSITION', 'person:q', 'police-agency:b'),
    relation('HOLDS_POSITION', 'person:r', 'police-agency:b'),
  ],
);

const list = (filter?: PersonFilter) => listPeople(kg, filter).map((p) => p.id.replace('person:', ''));

describe('listPeople', () => {
  it('without a filter lists every person by id', () => {
    expect(list()).toEqual(['p', 'q', 'r', 's']);
  });

  it('filters by the agency they hold a post in, sorted by id', () => {
    expect(list({ agency: 'police-agency:a' })).toEqual(['p', 'r']);
    expect(list({ agency: 'police-agency:b' })).toEqual(['q', 'r']);
    expect(list({ agency: 'police-agency:idle' })).toEqual([]);
  });

  it('filters by rank under the name rule, the whole rank only', () => {
    expect(list({ rank: 'Senior Colonel' })).toEqual(['p', 's']);
    expect(list({ rank: 'senior colonel' })).toEqual(['p', 's']);
    expect(list({ rank: 'SENIOR-COLONEL' })).toEqual(['p', 's']);
    expect(list({ rank: 'Colonel' })).toEqual(['q']);
    expect(list({ rank: 'General' })).toEqual([]);
  });

  it('filters by nationality, in either case', () => {
    expect(list({ nationality: 'VN' })).toEqual(['p', 'r']);
    expect(list({ nationality: 'vn' })).toEqual(['p', 'r']);
    expect(list({ nationality: 'CN' })).toEqual(['q']);
    expect(list({ nationality: 'LA' })).toEqual([]);
  });

  it('keeps the people meeting every criterion', () => {
    expect(list({ agency: 'police-agency:a', rank: 'senior colonel' })).toEqual(['p']);
    expect(list({ agency: 'police-agency:b', nationality: 'VN' })).toEqual(['r']);
    expect(list({ rank: 'Senior Colonel', nationality: 'VN' })).toEqual(['p']);
    expect(list({ rank: 'Colonel', nationality: 'VN' })).toEqual([]);
    expect(list({ agency: 'police-agency:b', rank: 'Colonel', nationality: 'cn' })).toEqual(['q']);
  });

  it('throws a NOT_FOUND NotFoundError for an unknown agency', () => {
    const error = thrown(() => listPeople(kg, { agency: 'police-agency:x' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(/^people: no entity has the id "police-agency:x"/);
  });
});

describe('listPeople on the seed graph', () => {
  const seed = seedGraph();
  it('finds the senior colonels and the Pu’er official', () => {
    const ids = (filter: PersonFilter) => listPeople(seed, filter).map((p) => p.id);
    expect(ids({ rank: 'senior colonel' })).toEqual(['person:nguyen-trung-thuc', 'person:vu-tien-dung']);
    expect(ids({ agency: 'police-agency:puer-municipal-police-department' })).toEqual(['person:ma-shuliang']);
    expect(ids({ nationality: 'cn' })).toEqual(['person:ma-shuliang']);
  });
});
