// findShortestPath(): the fewest relations between two entities, in a
// direction and over some relation types; null when nothing connects them.
//
//   person:p --HOLDS_POSITION--> police-agency:a --HAS_JURISDICTION--> area:x --LOCATED_IN--> country:vn
//   police-agency:a --PROVIDED_EQUIPMENT--> police-agency:b --SUBORDINATE_TO--> police-agency:a
//   police-agency:b, police-agency:c --PARTY_TO--> agreement:m <--SIGNED-- person:q
//   country:cn stands alone

import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../../src/generate/generate-graph.js';
import { readData } from '../../../src/write/open-data.js';
import { NotFoundError } from '../../../src/errors.js';
import { findShortestPath, toPath, type Path } from '../../../src/store/queries/shortest-path.js';
import { entity, graphOf, relation } from '../../helpers.js';
import { seedGraph } from '../../seed-graph.js';
import { tempDir } from '../../temp-dir.js';
import { smallGraph } from '../small-graph.js';
import { thrown } from '../thrown.js';
import { distancesFrom } from '../undirected-bfs.js';

const kg = graphOf(
  [
    entity('person:p', 'Person', 'Vu Tien Dung'),
    entity('person:q', 'Person', 'Ma Shuliang'),
    entity('police-agency:a', 'PoliceAgency', 'Agency A'),
    entity('police-agency:b', 'PoliceAgency', 'Agency B'),
    entity('police-agency:c', 'PoliceAgency', 'Agency C'),
    entity('area:x', 'Area', 'Dien Bien'),
    entity('country:vn', 'Country', 'Vietnam', { code: 'VN' }),
    entity('country:cn', 'Country', 'China', { code: 'CN' }),
    entity('agreement:m', 'Agreement', '9th MoU', { agreementType: 'MOU' }),
  ],
  [
    relation('HOLDS_POSITION', 'person:p', 'police-agency:a'),
    relation('HAS_JURISDICTION', 'police-agency:a', 'area:x'),
    relation('LOCATED_IN', 'area:x', 'country:vn'),
    relation('PROVIDED_EQUIPMENT', 'police-agency:a', 'police-agency:b'),
    relation('SUBORDINATE_TO', 'police-agency:b', 'police-agency:a'),
    relation('PARTY_TO', 'police-agency:b', 'agreement:m'),
    relation('PARTY_TO', 'police-agency:c', 'agreement:m'),
    relation('SIGNED', 'person:q', 'agreement:m'),
  ],
);

const nodes = (p: Path | null) => p?.nodes.map((n) => n.id);
const rels = (p: Path | null) => p?.relations.map((r) => r.id);

/** Every hop of the path is a relation joining its two entities, and no entity comes twice. */
function expectWellFormed(path: Path) {
  expect(path.relations).toHaveLength(path.length);
  expect(path.nodes).toHaveLength(path.length + 1);
  expect(new Set(path.nodes.map((n) => n.id)).size).toBe(path.nodes.length);
  path.relations.forEach((r, i) => {
    expect([r.from, r.to].sort()).toEqual([path.nodes[i]!.id, path.nodes[i + 1]!.id].sort());
  });
}

describe('findShortestPath: basics', () => {
  it('finds the fewest relations in any direction (the default)', () => {
    const path = findShortestPath(kg, 'person:p', 'country:vn')!;
    expect(path.length).toBe(3);
    expect(nodes(path)).toEqual(['person:p', 'police-agency:a', 'area:x', 'country:vn']);
    expect(rels(path)).toEqual([
      'HOLDS_POSITION:person:p->police-agency:a',
      'HAS_JURISDICTION:police-agency:a->area:x',
      'LOCATED_IN:area:x->country:vn',
    ]);
  });

  it('goes against relations when the direction is ANY', () => {
    const path = findShortestPath(kg, 'person:p', 'person:q', { direction: 'ANY' })!;
    expect(nodes(path)).toEqual(['person:p', 'police-agency:a', 'police-agency:b', 'agreement:m', 'person:q']);
    expect(path.length).toBe(4);
    expectWellFormed(path);
  });

  it('takes the shortest of several routes', () => {
    // country:vn → police-agency:c: vn-x-a-b-m-c is the only way, 5 hops
    expect(findShortestPath(kg, 'country:vn', 'police-agency:c')!.length).toBe(5);
    // police-agency:c → police-agency:a: via m and b, 3 hops
    expect(nodes(findShortestPath(kg, 'police-agency:c', 'police-agency:a'))).toEqual([
      'police-agency:c',
      'agreement:m',
      'police-agency:b',
      'police-agency:a',
    ]);
  });

  it('is a path of length 0 from an entity to itself', () => {
    const path = findShortestPath(kg, 'person:p', 'person:p')!;
    expect(path).toEqual({ length: 0, nodes: [kg.getEntity('person:p')], relations: [] });
    expect(findShortestPath(kg, 'country:cn', 'country:cn', { direction: 'OUT' })!.length).toBe(0);
    expect(findShortestPath(kg, 'person:p', 'person:p', { direction: 'IN', types: ['FOLLOWS'] })!.length).toBe(0);
  });

  it('is null between entities nothing connects', () => {
    expect(findShortestPath(kg, 'person:p', 'country:cn')).toBeNull();
    expect(findShortestPath(kg, 'country:cn', 'person:p')).toBeNull();
    expect(findShortestPath(kg, 'country:cn', 'agreement:m', { direction: 'IN' })).toBeNull();
  });

  it('throws NOT_FOUND for an unknown end, with a hint', () => {
    for (const [from, to] of [
      ['person:p', 'person:x'],
      ['person:x', 'person:p'],
    ]) {
      const error = thrown(() => findShortestPath(kg, from!, to!));
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toMatch(/^shortestPath: no entity has the id "person:x" \(did you mean "person:[pq]"\?\)$/);
    }
  });
});

describe('findShortestPath: direction', () => {
  it('OUT follows relations forward only', () => {
    expect(nodes(findShortestPath(kg, 'person:p', 'country:vn', { direction: 'OUT' }))).toEqual([
      'person:p',
      'police-agency:a',
      'area:x',
      'country:vn',
    ]);
    expect(findShortestPath(kg, 'country:vn', 'person:p', { direction: 'OUT' })).toBeNull();
  });

  it('IN follows relations backward only, giving the entities in from → to order', () => {
    expect(findShortestPath(kg, 'person:p', 'country:vn', { direction: 'IN' })).toBeNull();
    const back = findShortestPath(kg, 'country:vn', 'person:p', { direction: 'IN' })!;
    expect(nodes(back)).toEqual(['country:vn', 'area:x', 'police-agency:a', 'person:p']);
    expect(rels(back)).toEqual([
      'LOCATED_IN:area:x->country:vn',
      'HAS_JURISDICTION:police-agency:a->area:x',
      'HOLDS_POSITION:person:p->police-agency:a',
    ]);
    expect(back.length).toBe(3);
  });

  it('OUT finds nothing where only a backward route exists, and IN nothing where only a forward one does', () => {
    // agreement:m → person:q: SIGNED points from q to m
    expect(findShortestPath(kg, 'agreement:m', 'person:q', { direction: 'OUT' })).toBeNull();
    expect(nodes(findShortestPath(kg, 'agreement:m', 'person:q', { direction: 'IN' }))).toEqual(['agreement:m', 'person:q']);
    expect(nodes(findShortestPath(kg, 'person:q', 'agreement:m', { direction: 'OUT' }))).toEqual(['person:q', 'agreement:m']);
    expect(findShortestPath(kg, 'person:q', 'agreement:m', { direction: 'IN' })).toBeNull();
  });

  it('picks the relation pointing the walked way between two entities joined both ways', () => {
    // a --PROVIDED_EQUIPMENT--> b and b --SUBORDINATE_TO--> a
    expect(rels(findShortestPath(kg, 'police-agency:a', 'police-agency:b', { direction: 'OUT' }))).toEqual([
      'PROVIDED_EQUIPMENT:police-agency:a->police-agency:b',
    ]);
    expect(rels(findShortestPath(kg, 'police-agency:a', 'police-agency:b', { direction: 'IN' }))).toEqual([
      'SUBORDINATE_TO:police-agency:b->police-agency:a',
    ]);
    expect(rels(findShortestPath(kg, 'police-agency:b', 'police-agency:a', { direction: 'OUT' }))).toEqual([
      'SUBORDINATE_TO:police-agency:b->police-agency:a',
    ]);
    expect(rels(findShortestPath(kg, 'police-agency:b', 'police-agency:a', { direction: 'IN' }))).toEqual([
      'PROVIDED_EQUIPMENT:police-agency:a->police-agency:b',
    ]);
  });

  it('with ANY, picks the relation of smallest id where several qualify', () => {
    expect(rels(findShortestPath(kg, 'police-agency:a', 'police-agency:b'))).toEqual(['PROVIDED_EQUIPMENT:police-agency:a->police-agency:b']);
    expect(rels(findShortestPath(kg, 'police-agency:b', 'police-agency:a'))).toEqual(['PROVIDED_EQUIPMENT:police-agency:a->police-agency:b']);
  });
});

describe('findShortestPath: types', () => {
  it('follows only relations of the given types', () => {
    expect(findShortestPath(kg, 'person:q', 'police-agency:a', { types: ['SIGNED', 'PARTY_TO'] })).toBeNull();
    const path = findShortestPath(kg, 'person:q', 'police-agency:a', { types: ['SIGNED', 'PARTY_TO', 'SUBORDINATE_TO'] })!;
    expect(nodes(path)).toEqual(['person:q', 'agreement:m', 'police-agency:b', 'police-agency:a']);
    expect(rels(path)).toEqual([
      'SIGNED:person:q->agreement:m',
      'PARTY_TO:police-agency:b->agreement:m',
      'SUBORDINATE_TO:police-agency:b->police-agency:a',
    ]);
  });

  it('picks a relation of an allowed type where another joins the same entities', () => {
    expect(rels(findShortestPath(kg, 'police-agency:a', 'police-agency:b', { types: ['SUBORDINATE_TO'] }))).toEqual([
      'SUBORDINATE_TO:police-agency:b->police-agency:a',
    ]);
  });

  it('combine with direction', () => {
    expect(findShortestPath(kg, 'police-agency:a', 'police-agency:b', { direction: 'OUT', types: ['SUBORDINATE_TO'] })).toBeNull();
    expect(rels(findShortestPath(kg, 'police-agency:a', 'police-agency:b', { direction: 'IN', types: ['SUBORDINATE_TO'] }))).toEqual([
      'SUBORDINATE_TO:police-agency:b->police-agency:a',
    ]);
    expect(findShortestPath(kg, 'police-agency:a', 'police-agency:b', { direction: 'IN', types: ['PROVIDED_EQUIPMENT'] })).toBeNull();
    expect(nodes(findShortestPath(kg, 'country:vn', 'police-agency:a', { direction: 'IN', types: ['LOCATED_IN', 'HAS_JURISDICTION'] }))).toEqual([
      'country:vn',
      'area:x',
      'police-agency:a',
    ]);
  });

  it('finds no path when the types close every route, and one when they open it', () => {
    // c → a: c-m-b-a uses PARTY_TO twice and one of the a/b relations
    expect(findShortestPath(kg, 'police-agency:c', 'police-agency:a', { types: ['PARTY_TO'] })).toBeNull();
    expect(findShortestPath(kg, 'police-agency:c', 'police-agency:a', { types: ['PARTY_TO', 'PROVIDED_EQUIPMENT'] })!.length).toBe(3);
  });
});

describe('toPath', () => {
  it('turns a list of ids into a path with the relation of each hop', () => {
    const path = toPath(kg, ['person:p', 'police-agency:a', 'police-agency:b'], 'ANY');
    expect(path.length).toBe(2);
    expect(rels(path)).toEqual(['HOLDS_POSITION:person:p->police-agency:a', 'PROVIDED_EQUIPMENT:police-agency:a->police-agency:b']);
  });

  it('looks the relations up when they are first read, then keeps them', () => {
    // person:p and country:cn are not related: only reading the relations finds that out
    const unrelated = toPath(kg, ['person:p', 'country:cn'], 'ANY');
    expect(unrelated.nodes.map((n) => n.id)).toEqual(['person:p', 'country:cn']);
    expect(() => unrelated.relations).toThrow('no relation from person:p to country:cn on a found path');

    const path = toPath(kg, ['police-agency:b', 'police-agency:a'], 'OUT');
    const first = path.relations;
    expect(first.map((r) => r.type)).toEqual(['SUBORDINATE_TO']);
    expect(path.relations).toBe(first);
    expect(JSON.parse(JSON.stringify(path)).relations[0].id).toBe('SUBORDINATE_TO:police-agency:b->police-agency:a');
  });
});

describe('findShortestPath on the seed graph', () => {
  const seed = seedGraph();
  const ends = [
    'person:ma-shuliang',
    'person:nguyen-trung-thuc',
    'police-agency:dien-bien-provincial-police-department',
    'country:cn',
    'crime-category:gambling',
    'area:dien-bien-phu',
  ];
  const pairs = ends.flatMap((from) => ends.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s (ANY) is as long as a plain BFS says', (from, to) => {
    const expected = distancesFrom(seed, from).get(to);
    const path = findShortestPath(seed, from, to, { direction: 'ANY' });
    if (expected === undefined) {
      expect(path).toBeNull();
      return;
    }
    expect(path).not.toBeNull();
    expect(path!.length).toBe(expected);
    expect(path!.nodes[0]!.id).toBe(from);
    expect(path!.nodes.at(-1)!.id).toBe(to);
    expectWellFormed(path!);
  });

  it('is symmetric in length with ANY', () => {
    for (const [from, to] of pairs) {
      expect(findShortestPath(seed, from, to)?.length).toBe(findShortestPath(seed, to, from)?.length);
    }
  });

  it('with IN is the OUT path of the other way round, reversed', () => {
    for (const [from, to] of pairs) {
      const out = findShortestPath(seed, to, from, { direction: 'OUT' });
      const back = findShortestPath(seed, from, to, { direction: 'IN' });
      expect(back?.length).toBe(out?.length);
      if (back) {
        expect(back.nodes[0]!.id).toBe(from);
        back.relations.forEach((r, i) => {
          // walked backward: each relation points from the next entity to this one
          expect(r.to).toBe(back.nodes[i]!.id);
          expect(r.from).toBe(back.nodes[i + 1]!.id);
        });
      }
    }
  });
});

// A generated graph, where most entities are related both ways to some other
// (the view lists those twice to the search: traversalView's `repeats`).
describe('findShortestPath on a generated graph', () => {
  const dir = tempDir('path');
  generateGraph(dir, { entities: 2_000, seed: 11 });
  const { kg: generated } = readData(dir);
  const people = generated.entities(['Person']).filter((_, i) => i % 37 === 0).map((p) => p.id);

  it('is as long as a plain BFS says between far people, each hop a relation', () => {
    let far = 0;
    for (const from of people.slice(0, 4)) {
      const distances = distancesFrom(generated, from);
      for (const to of people.slice(-6)) {
        const path = findShortestPath(generated, from, to);
        expect(path?.length).toBe(distances.get(to));
        if (path) expectWellFormed(path);
        if ((path?.length ?? 0) >= 4) far++;
      }
    }
    expect(far).toBeGreaterThan(0);
  });
});

// The shared eleven-entity graph of ../small-graph.ts.
describe('findShortestPath on the shared small graph', () => {
  const small = smallGraph();

  it('finds the fewest relations between two entities in any direction', () => {
    const path = findShortestPath(small, 'person:p', 'police-agency:c');
    expect(path!.length).toBe(3);
    expect([
      ['person:p', 'police-agency:a', 'area:a', 'police-agency:c'],
      ['person:p', 'police-agency:a', 'event:e', 'police-agency:c'],
    ]).toContainEqual(nodes(path));
    expectWellFormed(path!);
  });

  it('keeps to the asked types', () => {
    expect(nodes(findShortestPath(small, 'person:p', 'police-agency:b', { types: ['SIGNED', 'PARTY_TO'] }))).toEqual([
      'person:p',
      'agreement:m',
      'police-agency:b',
    ]);
    expect(findShortestPath(small, 'person:p', 'police-agency:b', { types: ['HOLDS_POSITION'] })).toBeNull();
  });

  it('returns null when no path exists', () => {
    expect(findShortestPath(small, 'person:p', 'person:q')).toBeNull();
  });
});
