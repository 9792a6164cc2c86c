import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, NotFoundError } from '../../../src/errors.js';
import { neighborhood } from '../../../src/store/queries/neighborhood.js';
import { smallGraph } from '../small-graph.js';

const kg = smallGraph();
const ids = (s: { nodes: { id: string }[] }) => s.nodes.map((n) => n.id).sort();

describe('neighborhood', () => {
  it('returns the entity and its neighbours at depth 1, with the relations among them', () => {
    const s = neighborhood(kg, 'person:p');
    expect(ids(s)).toEqual(['agreement:m', 'person:p', 'police-agency:a']);
    expect(s.relations.map((r) => r.id).sort()).toEqual([
      'HOLDS_POSITION:person:p->police-agency:a',
      'PARTY_TO:police-agency:a->agreement:m',
      'SIGNED:person:p->agreement:m',
    ]);
    expect(s.truncated).toBe(false);
  });

  it('goes deeper with depth, nearest first', () => {
    const s = neighborhood(kg, 'person:p', { depth: 2 });
    expect(ids(s)).toEqual(['agreement:m', 'area:a', 'event:e', 'person:p', 'police-agency:a', 'police-agency:b']);
    expect(s.nodes[0]!.id).toBe('person:p');
  });

  it('follows only the asked direction', () => {
    expect(ids(neighborhood(kg, 'police-agency:a', { direction: 'OUT' }))).toEqual(['agreement:m', 'area:a', 'event:e', 'police-agency:a']);
    expect(ids(neighborhood(kg, 'police-agency:a', { direction: 'IN' }))).toEqual(['person:p', 'police-agency:a']);
  });

  it('follows only the asked relation types', () => {
    expect(ids(neighborhood(kg, 'person:p', { depth: 3, types: ['HOLDS_POSITION', 'HAS_JURISDICTION'] }))).toEqual([
      'area:a',
      'person:p',
      'police-agency:a',
      'police-agency:c',
    ]);
  });

  it('enters only the asked kinds, the start always included', () => {
    expect(ids(neighborhood(kg, 'person:p', { depth: 3, kinds: ['PoliceAgency', 'Agreement'] }))).toEqual([
      'agreement:m',
      'person:p',
      'police-agency:a',
      'police-agency:b',
    ]);
  });

  it('stops at the limit and says it was truncated', () => {
    const s = neighborhood(kg, 'person:p', { depth: 2, limit: 2 });
    expect(s.nodes.map((n) => n.id)).toEqual(['person:p', 'police-agency:a']);
    expect(s.truncated).toBe(true);
  });

  it('rejects depth and limit out of range, and an unknown id', () => {
    expect(() => neighborhood(kg, 'person:p', { depth: 0 })).toThrow(InvalidArgumentError);
    expect(() => neighborhood(kg, 'person:p', { depth: 5 })).toThrow('neighborhood: depth 5 is out of range 1..4');
    expect(() => neighborhood(kg, 'person:p', { limit: 1001 })).toThrow('neighborhood: limit 1001 is out of range 1..1000');
    expect(() => neighborhood(kg, 'person:x')).toThrow(NotFoundError);
  });
});
