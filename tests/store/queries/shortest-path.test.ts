import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/errors.js';
import { findShortestPath } from '../../../src/store/queries/shortest-path.js';
import { smallGraph } from '../small-graph.js';

const kg = smallGraph();
const nodes = (p: { nodes: { id: string }[] } | null) => p?.nodes.map((n) => n.id);

describe('findShortestPath', () => {
  it('finds the fewest relations between two entities in any direction', () => {
    // two paths of three: through the area both police, or through the event both attend
    const path = findShortestPath(kg, 'person:p', 'police-agency:c');
    expect(path!.length).toBe(3);
    expect([
      ['person:p', 'police-agency:a', 'area:a', 'police-agency:c'],
      ['person:p', 'police-agency:a', 'event:e', 'police-agency:c'],
    ]).toContainEqual(nodes(path));
    path!.relations.forEach((r, i) => expect([r.from, r.to].sort()).toEqual([path!.nodes[i]!.id, path!.nodes[i + 1]!.id].sort()));
  });

  it('follows relations forward with OUT and backward with IN, giving nodes from → to', () => {
    expect(nodes(findShortestPath(kg, 'person:p', 'country:vn', { direction: 'OUT' }))).toEqual(['person:p', 'police-agency:a', 'area:a', 'country:vn']);
    expect(findShortestPath(kg, 'country:vn', 'person:p', { direction: 'OUT' })).toBeNull();
    const back = findShortestPath(kg, 'country:vn', 'person:p', { direction: 'IN' });
    expect(nodes(back)).toEqual(['country:vn', 'area:a', 'police-agency:a', 'person:p']);
    expect(back!.relations.map((r) => r.id)).toEqual([
      'LOCATED_IN:area:a->country:vn',
      'HAS_JURISDICTION:police-agency:a->area:a',
      'HOLDS_POSITION:person:p->police-agency:a',
    ]);
  });

  it('keeps to the asked types', () => {
    expect(nodes(findShortestPath(kg, 'person:p', 'police-agency:b', { types: ['SIGNED', 'PARTY_TO'] }))).toEqual(['person:p', 'agreement:m', 'police-agency:b']);
    expect(findShortestPath(kg, 'person:p', 'police-agency:b', { types: ['HOLDS_POSITION'] })).toBeNull();
  });

  it('returns a path of length 0 from an entity to itself, and null when none exists', () => {
    expect(findShortestPath(kg, 'person:p', 'person:p')).toMatchObject({ length: 0, relations: [] });
    expect(findShortestPath(kg, 'person:p', 'person:q')).toBeNull();
  });

  it('throws NotFoundError for an unknown end', () => {
    expect(() => findShortestPath(kg, 'person:p', 'person:x')).toThrow(NotFoundError);
  });
});
