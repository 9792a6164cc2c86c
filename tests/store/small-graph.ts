// A graph of eleven entities with known answers, shared by the store tests.
//
//   person:p --HOLDS_POSITION--> police-agency:a --HAS_JURISDICTION--> area:a --LOCATED_IN--> country:vn
//   person:p --SIGNED--> agreement:m <--PARTY_TO-- police-agency:a, police-agency:b
//   police-agency:a, police-agency:c --PARTICIPATED_IN--> event:e
//   police-agency:b --HAS_JURISDICTION--> area:b --LOCATED_IN--> country:cn
//   police-agency:c --HAS_JURISDICTION--> area:a;  person:q stands alone

import { entity, graphOf, relation } from '../helpers.js';

export function smallGraph() {
  return graphOf(
    [
      entity('country:vn', 'Country', 'Vietnam', { code: 'VN' }, ['Viet Nam']),
      entity('country:cn', 'Country', 'China', { code: 'CN' }),
      entity('area:a', 'Area', 'Điện Biên', { level: 'PROVINCE' }),
      entity('area:b', 'Area', 'Pu’er', { level: 'CITY' }),
      entity('police-agency:a', 'PoliceAgency', 'Dien Bien Provincial Police Department', { level: 'PROVINCIAL' }, ['Dien Bien police']),
      entity('police-agency:b', 'PoliceAgency', 'Pu’er Municipal Police Department', { level: 'MUNICIPAL' }),
      entity('police-agency:c', 'PoliceAgency', 'Border Guard Command', { level: 'PROVINCIAL' }),
      entity('agreement:m', 'Agreement', '9th MoU', { agreementType: 'MOU', ordinal: 9, signedOn: '2019-05' }),
      entity('event:e', 'Event', 'Border meeting', { eventType: 'MEETING', startDate: '2019-04-25', endDate: '2019-04-28' }),
      entity('person:p', 'Person', 'Vu Tien Dung', { rank: 'Senior Colonel' }),
      entity('person:q', 'Person', 'Ma Shuliang', { nationality: 'CN' }),
    ],
    [
      relation('HOLDS_POSITION', 'person:p', 'police-agency:a', { title: 'Vice Director' }),
      relation('SIGNED', 'person:p', 'agreement:m', { onBehalfOf: 'police-agency:a' }, false),
      relation('PARTY_TO', 'police-agency:a', 'agreement:m'),
      relation('PARTY_TO', 'police-agency:b', 'agreement:m'),
      relation('PARTICIPATED_IN', 'police-agency:a', 'event:e', { role: 'HOST' }),
      relation('PARTICIPATED_IN', 'police-agency:c', 'event:e', { role: 'GUEST' }),
      relation('HAS_JURISDICTION', 'police-agency:a', 'area:a'),
      relation('HAS_JURISDICTION', 'police-agency:b', 'area:b'),
      relation('HAS_JURISDICTION', 'police-agency:c', 'area:a'),
      relation('LOCATED_IN', 'area:a', 'country:vn'),
      relation('LOCATED_IN', 'area:b', 'country:cn'),
    ],
  );
}
