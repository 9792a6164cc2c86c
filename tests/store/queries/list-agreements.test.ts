// listAgreements(): agreements matching every given criterion, by id.
//
//   agreement:m1  MOU        signedOn 2019-05     parties a, b   signed by p (inferred), q   addresses drugs
//   agreement:m2  MECHANISM  signedOn 2018        parties a, c   signed by p                 addresses drugs, fraud
//   agreement:m3  MOU        signedOn 2019-05-20  parties b, c                                addresses fraud
//   agreement:m4  OTHER      undated              party a

import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/errors.js';
import { listAgreements, type AgreementFilter } from '../../../src/store/queries/list-agreements.js';
import { entity, graphOf, relation } from '../../helpers.js';
import { seedGraph } from '../../seed-graph.js';
import { thrown } from '../thrown.js';

const kg = graphOf(
  [
    entity('agreement:m4', 'Agreement', 'Undated arrangement', { agreementType: 'OTHER' }),
    entity('agreement:m1', 'Agreement', '9th MoU', { agreementType: 'MOU', signedOn: '2019-05' }),
    entity('agreement:m2', 'Agreement', '“1 + 5” mechanism', { agreementType: 'MECHANISM', signedOn: '2018' }),
    entity('agreement:m3', 'Agreement', 'Conference MoU', { agreementType: 'MOU', signedOn: '2019-05-20' }),
    entity('police-agency:a', 'PoliceAgency', 'Agency A'),
    entity('police-agency:b', 'PoliceAgency', 'Agency B'),
    entity('police-agency:c', 'PoliceAgency', 'Agency C'),
    entity('police-agency:idle', 'PoliceAgency', 'Idle agency'),
    entity('person:p', 'Person', 'Vu Tien Dung'),
    entity('person:q', 'Person', 'Ma Shuliang'),
    entity('crime-category:drugs', 'CrimeCategory', 'drug trafficking', { slug: 'drug-trafficking' }),
    entity('crime-category:fraud', 'CrimeCategory', 'trans-border fraud', { slug: 'trans-border-fraud' }),
  ],
  [
    // inserted out of id order: the list must still come sorted by id
    relation('PARTY_TO', 'police-agency:a', 'agreement:m4'),
    relation('PARTY_TO', 'police-agency:a', 'agreement:m2'),
    relation('PARTY_TO', 'police-agency:a', 'agreement:m1'),
    relation('PARTY_TO', 'police-agency:b', 'agreement:m3'),
    relation('PARTY_TO', 'police-agency:b', 'agreement:m1'),
    relation('PARTY_TO', 'police-agency:c', 'agreement:m2'),
    relation('PARTY_TO', 'police-agency:c', 'agreement:m3'),
    relation('SIGNED', 'person:p', 'agreement:m2'),
    relation('SIGNED', 'person:p', 'agreement:m1', { onBehalfOf: 'police-agency:a' }, false),
    relation('SIGNED', 'person:q', 'agreement:m1'),
    relation('ADDRESSES', 'agreement:m2', 'crime-category:fraud'),
    relation('ADDRESSES', 'agreement:m1', 'crime-category:drugs'),
    relation('ADDRESSES', 'agreement:m2', 'crime-category:drugs'),
    relation('ADDRESSES', 'agreement:m3', 'crime-category:fraud'),
  ],
);

const list = (filter?: AgreementFilter) => listAgreements(kg, filter).map((a) => a.id.replace('agreement:', ''));

describe('listAgreements: one criterion at a time', () => {
  it('without a filter lists every agreement by id', () => {
    expect(list()).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(list({})).toEqual(['m1', 'm2', 'm3', 'm4']);
  });

  it('filters by agreement type', () => {
    expect(list({ agreementType: 'MOU' })).toEqual(['m1', 'm3']);
    expect(list({ agreementType: 'MECHANISM' })).toEqual(['m2']);
    expect(list({ agreementType: 'OTHER' })).toEqual(['m4']);
  });

  it('filters by a party, sorted by id whatever the order of the relations', () => {
    expect(list({ party: 'police-agency:a' })).toEqual(['m1', 'm2', 'm4']);
    expect(list({ party: 'police-agency:b' })).toEqual(['m1', 'm3']);
    expect(list({ party: 'police-agency:c' })).toEqual(['m2', 'm3']);
    expect(list({ party: 'police-agency:idle' })).toEqual([]);
  });

  it('filters by a signatory, stated or inferred', () => {
    expect(list({ signatory: 'person:p' })).toEqual(['m1', 'm2']);
    expect(list({ signatory: 'person:q' })).toEqual(['m1']);
  });

  it('filters by the crime category addressed', () => {
    expect(list({ addresses: 'crime-category:drugs' })).toEqual(['m1', 'm2']);
    expect(list({ addresses: 'crime-category:fraud' })).toEqual(['m2', 'm3']);
  });

  it('returns nothing for an existing entity of the wrong kind', () => {
    expect(list({ party: 'person:p' })).toEqual([]);
    expect(list({ signatory: 'police-agency:a' })).toEqual([]);
  });
});

describe('listAgreements: dates', () => {
  it('keeps a month-precision date that overlaps a day-precision bound', () => {
    // signedOn 2019-05 may fall on or after 2019-05-10
    expect(list({ signedFrom: '2019-05-10' })).toEqual(['m1', 'm3']);
    // and on or before it
    expect(list({ signedTo: '2019-05-10' })).toEqual(['m1', 'm2']);
    expect(list({ signedFrom: '2019-05-31' })).toEqual(['m1']);
  });

  it('keeps a date within both bounds', () => {
    expect(list({ signedFrom: '2019-05-10', signedTo: '2019-05-15' })).toEqual(['m1']);
    expect(list({ signedFrom: '2019-05-20', signedTo: '2019-05-20' })).toEqual(['m1', 'm3']);
    expect(list({ signedFrom: '2018-06', signedTo: '2018-06' })).toEqual(['m2']);
  });

  it('compares bounds of year and month precision by the whole period', () => {
    expect(list({ signedFrom: '2019' })).toEqual(['m1', 'm3']);
    expect(list({ signedTo: '2018-06' })).toEqual(['m2']);
    expect(list({ signedTo: '2019' })).toEqual(['m1', 'm2', 'm3']);
    expect(list({ signedFrom: '2019-05', signedTo: '2019-05' })).toEqual(['m1', 'm3']);
  });

  it('drops what falls outside the range', () => {
    expect(list({ signedFrom: '2019-06' })).toEqual([]);
    expect(list({ signedTo: '2017-12-31' })).toEqual([]);
    expect(list({ signedFrom: '2019-05-21', signedTo: '2019-12' })).toEqual(['m1']);
  });

  it('drops undated agreements once a date is asked', () => {
    expect(list({ signedFrom: '1900' })).toEqual(['m1', 'm2', 'm3']);
    expect(list({ signedTo: '2100' })).not.toContain('m4');
  });
});

describe('listAgreements: criteria combined', () => {
  it('keeps the agreements meeting every criterion', () => {
    expect(list({ party: 'police-agency:a', agreementType: 'MOU' })).toEqual(['m1']);
    expect(list({ party: 'police-agency:a', addresses: 'crime-category:fraud' })).toEqual(['m2']);
    expect(list({ party: 'police-agency:b', signatory: 'person:p', addresses: 'crime-category:drugs' })).toEqual(['m1']);
    expect(list({ party: 'police-agency:c', signedFrom: '2019' })).toEqual(['m3']);
    expect(list({ signatory: 'person:q', agreementType: 'MECHANISM' })).toEqual([]);
    expect(list({ party: 'police-agency:b', addresses: 'crime-category:drugs', signedTo: '2019-04' })).toEqual([]);
  });
});

describe('listAgreements: unknown ids', () => {
  it.each([
    [{ party: 'police-agency:x' }, 'police-agency:x'],
    [{ signatory: 'person:x' }, 'person:x'],
    [{ addresses: 'crime-category:x' }, 'crime-category:x'],
  ] as [AgreementFilter, string][])('%j throws a NOT_FOUND NotFoundError', (filter, id) => {
    const error = thrown(() => listAgreements(kg, filter));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(new RegExp(`^agreements: no entity has the id "${id}"`));
  });
});

describe('listAgreements on the seed graph', () => {
  const seed = seedGraph();
  it('finds the 9th Dien Bien – Pu’er MoU by its signatories, party and month', () => {
    const ids = (filter: AgreementFilter) => listAgreements(seed, filter).map((a) => a.id);
    expect(ids({ signatory: 'person:ma-shuliang' })).toEqual(['agreement:dien-bien-puer-mou-9']);
    expect(ids({ party: 'police-agency:dien-bien-provincial-police-department' })).toEqual([
      'agreement:dien-bien-puer-mou-8',
      'agreement:dien-bien-puer-mou-9',
    ]);
    expect(ids({ signedFrom: '2019-05-10' })).toEqual(['agreement:dien-bien-puer-mou-9']);
    expect(ids({ agreementType: 'MECHANISM' })).toEqual(['agreement:1-plus-5-mechanism']);
  });
});
