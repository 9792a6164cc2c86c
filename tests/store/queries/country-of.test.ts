// countryOf(): the Country an entity belongs to, from the graph's relations:
// areas and events through LOCATED_IN, agencies through their jurisdiction
// (then whom they report to), people through nationality then their posts.
//
//   area:pe --LOCATED_IN--> area:yn --LOCATED_IN--> country:cn;   area:db --LOCATED_IN--> country:vn
//   area:lost (nowhere);   event:e --LOCATED_IN--> area:pe
//   police-agency:pe --HAS_JURISDICTION--> area:pe;   police-agency:mps --HAS_JURISDICTION--> country:vn
//   police-agency:station --SUBORDINATE_TO--> police-agency:mps
//   police-agency:lost --HAS_JURISDICTION--> area:lost, --SUBORDINATE_TO--> police-agency:mps
//   police-agency:loop1 <--SUBORDINATE_TO--> police-agency:loop2 (nothing else)
//   person:officer --HOLDS_POSITION--> police-agency:pe (no nationality)
//   person:visitor nationality VN --HOLDS_POSITION--> police-agency:pe
//   person:unknown nationality LA (no such Country entity) --HOLDS_POSITION--> police-agency:mps

import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/errors.js';
import { countryOf } from '../../../src/store/queries/country-of.js';
import { entity, graphOf, relation } from '../../helpers.js';
import { seedGraph } from '../../seed-graph.js';
import { thrown } from '../thrown.js';

const kg = graphOf(
  [
    entity('country:vn', 'Country', 'Vietnam', { code: 'VN' }),
    entity('country:cn', 'Country', 'China', { code: 'CN' }),
    entity('area:pe', 'Area', 'Pu’er', { level: 'CITY' }),
    entity('area:yn', 'Area', 'Yunnan', { level: 'PROVINCE' }),
    entity('area:db', 'Area', 'Dien Bien', { level: 'PROVINCE' }),
    entity('area:lost', 'Area', 'Somewhere'),
    entity('event:e', 'Event', 'Border meeting', { eventType: 'MEETING' }),
    entity('event:nowhere', 'Event', 'Video call', { eventType: 'MEETING' }),
    entity('police-agency:pe', 'PoliceAgency', 'Pu’er Municipal Police Department'),
    entity('police-agency:mps', 'PoliceAgency', 'Ministry of Public Security'),
    entity('police-agency:station', 'PoliceAgency', 'District station'),
    entity('police-agency:lost', 'PoliceAgency', 'Lost agency'),
    entity('police-agency:loop1', 'PoliceAgency', 'Loop 1'),
    entity('police-agency:loop2', 'PoliceAgency', 'Loop 2'),
    entity('person:officer', 'Person', 'Ma Shuliang'),
    entity('person:visitor', 'Person', 'Vu Tien Dung', { nationality: 'VN' }),
    entity('person:unknown', 'Person', 'Somebody', { nationality: 'LA' }),
    entity('person:nobody', 'Person', 'Nobody'),
    entity('agreement:m', 'Agreement', 'MoU', { agreementType: 'MOU' }),
    entity('crime-category:gambling', 'CrimeCategory', 'gambling', { slug: 'gambling' }),
  ],
  [
    relation('LOCATED_IN', 'area:pe', 'area:yn'),
    relation('LOCATED_IN', 'area:yn', 'country:cn'),
    relation('LOCATED_IN', 'area:db', 'country:vn'),
    relation('LOCATED_IN', 'event:e', 'area:pe'),
    relation('HAS_JURISDICTION', 'police-agency:pe', 'area:pe'),
    relation('HAS_JURISDICTION', 'police-agency:mps', 'country:vn'),
    relation('SUBORDINATE_TO', 'police-agency:station', 'police-agency:mps'),
    relation('HAS_JURISDICTION', 'police-agency:lost', 'area:lost'),
    relation('SUBORDINATE_TO', 'police-agency:lost', 'police-agency:mps'),
    relation('SUBORDINATE_TO', 'police-agency:loop1', 'police-agency:loop2'),
    relation('SUBORDINATE_TO', 'police-agency:loop2', 'police-agency:loop1'),
    relation('HOLDS_POSITION', 'person:officer', 'police-agency:pe'),
    relation('HOLDS_POSITION', 'person:visitor', 'police-agency:pe'),
    relation('HOLDS_POSITION', 'person:unknown', 'police-agency:mps'),
    relation('PARTY_TO', 'police-agency:pe', 'agreement:m'),
  ],
);

const country = (id: string) => countryOf(kg, id)?.id ?? null;

describe('countryOf', () => {
  it('of a country is itself', () => {
    expect(countryOf(kg, 'country:vn')).toMatchObject({ id: 'country:vn', kind: 'Country', attributes: { code: 'VN' } });
  });

  it('of an area follows LOCATED_IN through larger areas', () => {
    expect(country('area:db')).toBe('country:vn');
    expect(country('area:yn')).toBe('country:cn');
    expect(country('area:pe')).toBe('country:cn');
    expect(country('area:lost')).toBeNull();
  });

  it('of an event is that of the area it took place in', () => {
    expect(country('event:e')).toBe('country:cn');
    expect(country('event:nowhere')).toBeNull();
  });

  it('of an agency follows its jurisdiction, then whom it reports to', () => {
    expect(country('police-agency:pe')).toBe('country:cn');
    expect(country('police-agency:mps')).toBe('country:vn');
    expect(country('police-agency:station')).toBe('country:vn');
    expect(country('police-agency:lost')).toBe('country:vn');
  });

  it('stops on a loop of agencies reporting to each other', () => {
    expect(country('police-agency:loop1')).toBeNull();
    expect(country('police-agency:loop2')).toBeNull();
  });

  it('of a person is their nationality first, then the agency they serve', () => {
    expect(country('person:visitor')).toBe('country:vn');
    expect(country('person:officer')).toBe('country:cn');
    // no Country entity has the code LA: the post decides
    expect(country('person:unknown')).toBe('country:vn');
    expect(country('person:nobody')).toBeNull();
  });

  it('of other kinds is null', () => {
    expect(country('agreement:m')).toBeNull();
    expect(country('crime-category:gambling')).toBeNull();
  });

  it('throws a NOT_FOUND NotFoundError for an unknown id', () => {
    const error = thrown(() => countryOf(kg, 'area:nope'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('countryOf on the seed graph', () => {
  const seed = seedGraph();
  it.each([
    ['police-agency:puer-municipal-police-department', 'country:cn'],
    ['police-agency:dien-bien-provincial-police-department', 'country:vn'],
    ['police-agency:ministry-of-public-security', 'country:vn'],
    ['police-agency:guangxi-public-security-department', 'country:cn'],
    ['area:dien-bien-phu', 'country:vn'],
    ['event:dien-bien-puer-meeting-2019-05', 'country:vn'],
    ['person:ma-shuliang', 'country:cn'],
    ['person:vu-tien-dung', 'country:vn'],
  ])('of %s is %s', (id, expected) => {
    expect(countryOf(seed, id)?.id).toBe(expected);
  });
});
