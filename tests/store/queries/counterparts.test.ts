// counterparts(): the agencies an agency shares an agreement or an event with,
// by name, itself left out; foreignOnly keeps those of another country,
// found through HAS_JURISDICTION → LOCATED_IN.
//
//   agreement:m   <--PARTY_TO--        police-agency:db, police-agency:pe
//   agreement:m2  <--PARTY_TO--        police-agency:pe, police-agency:zeta
//   event:e       <--PARTICIPATED_IN-- police-agency:db, police-agency:bg, police-agency:none, police-agency:pe
//   police-agency:db --PROVIDED_EQUIPMENT--> police-agency:gift   (not a counterpart)
//   person:p --SIGNED--> agreement:m                               (not an agency)
//
//   db, bg --HAS_JURISDICTION--> area:db --LOCATED_IN--> country:vn
//   pe --HAS_JURISDICTION--> area:pe --LOCATED_IN--> area:yn --LOCATED_IN--> country:cn
//   zeta --HAS_JURISDICTION--> country:vn;   none has no jurisdiction

import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/errors.js';
import { counterparts } from '../../../src/store/queries/counterparts.js';
import { entity, graphOf, relation } from '../../helpers.js';
import { seedGraph } from '../../seed-graph.js';
import { smallGraph } from '../small-graph.js';
import { thrown } from '../thrown.js';

const kg = graphOf(
  [
    entity('police-agency:db', 'PoliceAgency', 'Dien Bien Provincial Police Department'),
    entity('police-agency:pe', 'PoliceAgency', 'Pu’er Municipal Police Department'),
    entity('police-agency:bg', 'PoliceAgency', 'Border Guard Command'),
    entity('police-agency:none', 'PoliceAgency', 'Agency Without Jurisdiction'),
    entity('police-agency:zeta', 'PoliceAgency', 'Zeta Agency'),
    entity('police-agency:gift', 'PoliceAgency', 'Gifted Agency'),
    entity('agreement:m', 'Agreement', '9th MoU', { agreementType: 'MOU' }),
    entity('agreement:m2', 'Agreement', 'Other MoU', { agreementType: 'MOU' }),
    entity('event:e', 'Event', 'Border meeting', { eventType: 'MEETING' }),
    entity('person:p', 'Person', 'Vu Tien Dung'),
    entity('area:db', 'Area', 'Dien Bien'),
    entity('area:pe', 'Area', 'Pu’er'),
    entity('area:yn', 'Area', 'Yunnan'),
    entity('country:vn', 'Country', 'Vietnam', { code: 'VN' }),
    entity('country:cn', 'Country', 'China', { code: 'CN' }),
  ],
  [
    relation('PARTY_TO', 'police-agency:db', 'agreement:m'),
    relation('PARTY_TO', 'police-agency:pe', 'agreement:m'),
    relation('PARTY_TO', 'police-agency:pe', 'agreement:m2'),
    relation('PARTY_TO', 'police-agency:zeta', 'agreement:m2'),
    relation('PARTICIPATED_IN', 'police-agency:db', 'event:e'),
    relation('PARTICIPATED_IN', 'police-agency:bg', 'event:e'),
    relation('PARTICIPATED_IN', 'police-agency:none', 'event:e'),
    relation('PARTICIPATED_IN', 'police-agency:pe', 'event:e'),
    relation('PROVIDED_EQUIPMENT', 'police-agency:db', 'police-agency:gift'),
    relation('SIGNED', 'person:p', 'agreement:m'),
    relation('HAS_JURISDICTION', 'police-agency:db', 'area:db'),
    relation('HAS_JURISDICTION', 'police-agency:bg', 'area:db'),
    relation('HAS_JURISDICTION', 'police-agency:pe', 'area:pe'),
    relation('HAS_JURISDICTION', 'police-agency:zeta', 'country:vn'),
    relation('LOCATED_IN', 'area:db', 'country:vn'),
    relation('LOCATED_IN', 'area:pe', 'area:yn'),
    relation('LOCATED_IN', 'area:yn', 'country:cn'),
  ],
);

const ids = (list: { id: string }[]) => list.map((e) => e.id);

describe('counterparts', () => {
  it('are the agencies sharing an agreement or an event, each once, by name, without the agency itself', () => {
    // Agency Without Jurisdiction, Border Guard Command, Pu’er Municipal Police Department
    expect(ids(counterparts(kg, 'police-agency:db'))).toEqual(['police-agency:none', 'police-agency:bg', 'police-agency:pe']);
  });

  it('reach through every agreement and event the agency is in', () => {
    expect(ids(counterparts(kg, 'police-agency:pe'))).toEqual([
      'police-agency:none',
      'police-agency:bg',
      'police-agency:db',
      'police-agency:zeta',
    ]);
    expect(ids(counterparts(kg, 'police-agency:zeta'))).toEqual(['police-agency:pe']);
  });

  it('leave out agencies related otherwise, and people', () => {
    const found = ids(counterparts(kg, 'police-agency:db'));
    expect(found).not.toContain('police-agency:gift');
    expect(found).not.toContain('person:p');
    expect(counterparts(kg, 'police-agency:gift')).toEqual([]);
  });

  it('return full entity records', () => {
    expect(counterparts(kg, 'police-agency:zeta')[0]).toMatchObject({ id: 'police-agency:pe', kind: 'PoliceAgency', name: 'Pu’er Municipal Police Department' });
  });

  it('break ties of name by id', () => {
    const twins = graphOf(
      [
        entity('police-agency:t2', 'PoliceAgency', 'Twin Agency'),
        entity('police-agency:t1', 'PoliceAgency', 'Twin Agency'),
        entity('police-agency:x', 'PoliceAgency', 'Host Agency'),
        entity('agreement:m', 'Agreement', 'MoU', { agreementType: 'MOU' }),
      ],
      [
        relation('PARTY_TO', 'police-agency:t2', 'agreement:m'),
        relation('PARTY_TO', 'police-agency:x', 'agreement:m'),
        relation('PARTY_TO', 'police-agency:t1', 'agreement:m'),
      ],
    );
    expect(ids(counterparts(twins, 'police-agency:x'))).toEqual(['police-agency:t1', 'police-agency:t2']);
  });

  it('throw a NOT_FOUND NotFoundError for an unknown id', () => {
    const error = thrown(() => counterparts(kg, 'police-agency:dbb'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('counterparts: no entity has the id "police-agency:dbb" (did you mean "police-agency:db"?)');
  });
});

describe('counterparts: foreignOnly', () => {
  it('keeps the agencies whose country, through jurisdiction and areas, differs', () => {
    // bg is Vietnamese like db; none has no known country; pe is Chinese through Pu’er → Yunnan → China
    expect(ids(counterparts(kg, 'police-agency:db', { foreignOnly: true }))).toEqual(['police-agency:pe']);
  });

  it('works from the other side, with a jurisdiction over a whole country', () => {
    expect(ids(counterparts(kg, 'police-agency:pe', { foreignOnly: true }))).toEqual(['police-agency:bg', 'police-agency:db', 'police-agency:zeta']);
    expect(ids(counterparts(kg, 'police-agency:zeta', { foreignOnly: true }))).toEqual(['police-agency:pe']);
  });

  it('is the same as without it when false', () => {
    expect(counterparts(kg, 'police-agency:db', { foreignOnly: false })).toEqual(counterparts(kg, 'police-agency:db'));
  });
});

describe('counterparts on the seed graph', () => {
  const seed = seedGraph();

  it('of the Dien Bien police are exactly the Pu’er police', () => {
    expect(ids(counterparts(seed, 'police-agency:dien-bien-provincial-police-department'))).toEqual(['police-agency:puer-municipal-police-department']);
    expect(ids(counterparts(seed, 'police-agency:dien-bien-provincial-police-department', { foreignOnly: true }))).toEqual([
      'police-agency:puer-municipal-police-department',
    ]);
  });

  it('of the Pu’er police are exactly the Dien Bien police', () => {
    expect(ids(counterparts(seed, 'police-agency:puer-municipal-police-department'))).toEqual(['police-agency:dien-bien-provincial-police-department']);
  });

  it('of the Guangxi police, foreign only, are the four Vietnamese provinces', () => {
    expect(ids(counterparts(seed, 'police-agency:guangxi-public-security-department', { foreignOnly: true }))).toEqual([
      'police-agency:cao-bang-provincial-police-department',
      'police-agency:ha-giang-provincial-police-department',
      'police-agency:lang-son-provincial-police-department',
      'police-agency:quang-ninh-provincial-police-department',
    ]);
  });
});

// The shared eleven-entity graph of ../small-graph.ts.
describe('counterparts on the shared small graph', () => {
  const small = smallGraph();

  it('are the agencies sharing an agreement or an event, by name, without the agency itself', () => {
    expect(ids(counterparts(small, 'police-agency:a'))).toEqual(['police-agency:c', 'police-agency:b']);
  });

  it('keep to another country with foreignOnly', () => {
    expect(ids(counterparts(small, 'police-agency:a', { foreignOnly: true }))).toEqual(['police-agency:b']);
  });
});
