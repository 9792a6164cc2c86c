// searchEntities(): entities by name, best first: the exact name, then an
// alias, then a prefix, then a close spelling, all under the name rule
// (case, diacritics, punctuation and the kind of apostrophe ignored).

import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/errors.js';
import { searchEntities, type SearchOptions } from '../../../src/store/queries/search.js';
import { entity, graphOf } from '../../helpers.js';
import { seedGraph } from '../../seed-graph.js';
import { smallGraph } from '../small-graph.js';
import { thrown } from '../thrown.js';

const kg = graphOf([
  entity('area:dien-bien', 'Area', 'Điện Biên', { level: 'PROVINCE' }),
  entity('police-agency:border-guard', 'PoliceAgency', 'Border Guard Command', { level: 'PROVINCIAL' }, ['Dien Bien']),
  entity('police-agency:dien-bien', 'PoliceAgency', 'Dien Bien Provincial Police Department', { level: 'PROVINCIAL' }),
  entity('area:dien-bieu', 'Area', 'Dien Bieu', { level: 'DISTRICT' }),
  entity('person:vu-tien-dung', 'Person', 'Vu Tien Dung'),
  entity('person:nguyen-trung-thuc', 'Person', 'Nguyen Trung Thuc'),
  entity('area:puer', 'Area', 'Pu’er', { level: 'CITY' }),
  entity('police-agency:puer', 'PoliceAgency', 'Pu’er Municipal Police Department', { level: 'MUNICIPAL' }),
  entity('country:vn', 'Country', 'Vietnam', { code: 'VN' }, ['Viet Nam']),
]);

const hits = (query: string, options: SearchOptions = {}) => searchEntities(kg, query, options).map((h) => `${h.entity.id} ${h.match}`);

describe('searchEntities: ranking', () => {
  it('ranks the exact name first, then an alias, then a prefix, then a close spelling', () => {
    expect(hits('Dien Bien')).toEqual([
      'area:dien-bien EXACT',
      'police-agency:border-guard ALIAS',
      'police-agency:dien-bien PREFIX',
      'area:dien-bieu FUZZY',
    ]);
  });

  it('returns the entity records with their match and a score', () => {
    const [first, , third] = searchEntities(kg, 'Dien Bien');
    expect(first!.entity).toMatchObject({ id: 'area:dien-bien', kind: 'Area', name: 'Điện Biên' });
    expect(first!.score).toBe(Infinity);
    expect(third!.score).toBeGreaterThan(0);
    expect(Number.isFinite(third!.score)).toBe(true);
  });

  it('does not take a name whose every word is only a letter away as a match', () => {
    // "Vu Tien Dung": "tien" is one letter from both "dien" and "bien"
    expect(hits('Dien Bien')).not.toContain('person:vu-tien-dung FUZZY');
  });

  it('matches an alias', () => {
    expect(hits('Viet Nam')).toEqual(['country:vn ALIAS']);
  });

  it('matches the start of a name or of any of its words as a prefix', () => {
    expect(hits('Nguy')).toEqual(['person:nguyen-trung-thuc PREFIX']);
    expect(hits('Nguyen Trung')).toEqual(['person:nguyen-trung-thuc PREFIX']);
    expect(hits('Thuc')).toEqual(['person:nguyen-trung-thuc PREFIX']);
    expect(hits('Viet')).toEqual(['country:vn PREFIX']);
  });

  it('finds a misspelt name as a fuzzy match', () => {
    expect(hits('Nguyen Trung Thuk')).toEqual(['person:nguyen-trung-thuc FUZZY']);
    expect(hits('Vu Tien Dunk')).toEqual(['person:vu-tien-dung FUZZY']);
  });

  it('finds nothing for a name nothing resembles', () => {
    expect(hits('Quang Ninh')).toEqual([]);
  });
});

describe('searchEntities: the name rule', () => {
  it('ignores diacritics', () => {
    expect(hits('Điện Biên')[0]).toBe('area:dien-bien EXACT');
    expect(hits('dien bien')[0]).toBe('area:dien-bien EXACT');
    expect(hits('DIỆN BIÊN')[0]).toBe('area:dien-bien EXACT');
  });

  it('ignores the kind of apostrophe, or its absence', () => {
    for (const q of ["Pu'er", 'Pu’er', 'Puer', 'pu`er', 'PUER']) {
      expect(hits(q), q).toEqual(['area:puer EXACT', 'police-agency:puer PREFIX']);
    }
  });

  it('ignores punctuation and extra spaces', () => {
    expect(hits('  dien-bien!  ')[0]).toBe('area:dien-bien EXACT');
  });
});

describe('searchEntities: options', () => {
  it('keeps to the given kinds, at every kind of match', () => {
    expect(hits('Dien Bien', { kinds: ['PoliceAgency'] })).toEqual(['police-agency:border-guard ALIAS', 'police-agency:dien-bien PREFIX']);
    expect(hits('Dien Bien', { kinds: ['Area'] })).toEqual(['area:dien-bien EXACT', 'area:dien-bieu FUZZY']);
    expect(hits('Dien Bien', { kinds: ['Area', 'PoliceAgency'] })).toHaveLength(4);
    expect(hits('Dien Bien', { kinds: ['Person'] })).toEqual([]);
    expect(hits("Pu'er", { kinds: ['PoliceAgency'] })).toEqual(['police-agency:puer PREFIX']);
    expect(hits('Dien Bien', { kinds: [] })).toHaveLength(4);
  });

  it('returns at most `first` hits, the best (default 10)', () => {
    expect(hits('Dien Bien', { first: 1 })).toEqual(['area:dien-bien EXACT']);
    expect(hits('Dien Bien', { first: 3 })).toEqual([
      'area:dien-bien EXACT',
      'police-agency:border-guard ALIAS',
      'police-agency:dien-bien PREFIX',
    ]);
    expect(hits('Dien Bien', { first: 0 })).toEqual([]);
    expect(hits('Dien Bien', { first: 100 })).toHaveLength(4);
    const many = graphOf(Array.from({ length: 15 }, (_, i) => entity(`area:a${i}`, 'Area', `Lao Cai ${i}`)));
    expect(searchEntities(many, 'Lao Cai')).toHaveLength(10);
  });
});

describe('searchEntities: bad arguments', () => {
  it.each(['', '   ', '!?', '’'])('rejects the query %j, which has no letters or digits, with BAD_USER_INPUT', (query) => {
    const error = thrown(() => searchEntities(kg, query));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('search: the query has no letters or digits to match');
  });

  it('rejects a query longer than 200 characters, but takes one of 200', () => {
    const error = thrown(() => searchEntities(kg, 'a'.repeat(201)));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('search: the query is 201 characters long; at most 200 are allowed');
    expect(searchEntities(kg, 'a'.repeat(200))).toEqual([]);
  });

  it.each([-1, 101, 2.5])('rejects first %s with BAD_USER_INPUT', (first) => {
    const error = thrown(() => searchEntities(kg, 'Dien', { first }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(`search: first ${first} is out of range 0..100`);
  });
});

describe('searchEntities on the seed graph', () => {
  const seed = seedGraph();
  const top = (query: string, options: SearchOptions = {}) => {
    const [hit] = searchEntities(seed, query, options);
    return hit && `${hit.entity.id} ${hit.match}`;
  };

  it('finds a misspelt official', () => {
    expect(top('Nguyen Trung Thuk')).toBe('person:nguyen-trung-thuc FUZZY');
  });

  it('ranks the exact name first, under the name rule', () => {
    expect(top('Điện Biên')).toBe('area:dien-bien EXACT');
    expect(top("Pu'er")).toBe('area:puer EXACT');
    expect(top('Puer')).toBe('area:puer EXACT');
    expect(top('Pu’er')).toBe('area:puer EXACT');
    expect(top('Ma Shuliang')).toBe('person:ma-shuliang EXACT');
  });

  it('finds by alias and by kind', () => {
    expect(top('MPS')).toBe('police-agency:ministry-of-public-security ALIAS');
    expect(top('Dien Bien', { kinds: ['PoliceAgency'] })).toBe('police-agency:dien-bien-provincial-police-department PREFIX');
  });
});

// The shared eleven-entity graph of ../small-graph.ts.
describe('searchEntities on the shared small graph', () => {
  const small = smallGraph();
  const smallHits = (q: string, options: SearchOptions = {}) => searchEntities(small, q, options).map((h) => `${h.entity.id} ${h.match}`);

  it('ranks the exact name first, then prefix matches', () => {
    expect(smallHits('Dien Bien')).toEqual(['area:a EXACT', 'police-agency:a PREFIX']);
  });

  it('finds close spellings', () => expect(smallHits('Vu Tien Dunk')).toEqual(['person:p FUZZY']));
});
