import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/errors.js';
import { searchEntities } from '../../../src/store/queries/search.js';
import { smallGraph } from '../small-graph.js';

const kg = smallGraph();
const hits = (q: string, options = {}) => searchEntities(kg, q, options).map((h) => `${h.entity.id} ${h.match}`);

describe('searchEntities', () => {
  it('ranks the exact name first, then prefix matches', () => {
    expect(hits('Dien Bien')).toEqual(['area:a EXACT', 'police-agency:a PREFIX']);
  });

  it('matches aliases', () => expect(hits('Viet Nam')).toEqual(['country:vn ALIAS']));

  it('ignores diacritics and the kind of apostrophe', () => {
    expect(hits('Điện Biên', { kinds: ['Area'] })).toEqual(['area:a EXACT']);
    expect(hits("Pu'er", { kinds: ['Area'] })).toEqual(['area:b EXACT']);
    expect(hits('Puer', { kinds: ['Area'] })).toEqual(['area:b EXACT']);
  });

  it('finds close spellings', () => expect(hits('Vu Tien Dunk')).toEqual(['person:p FUZZY']));

  it('keeps to the asked kinds and count', () => {
    expect(hits('Dien Bien', { kinds: ['PoliceAgency'] })).toEqual(['police-agency:a PREFIX']);
    expect(hits('Dien Bien', { first: 1 })).toEqual(['area:a EXACT']);
  });

  it('rejects an empty query and first out of range', () => {
    expect(() => searchEntities(kg, '  ')).toThrow(InvalidArgumentError);
    expect(() => searchEntities(kg, 'Dien', { first: 101 })).toThrow('search: first 101 is out of range 0..100');
  });
});
