// neighborhood(): the entities within k hops, nearest first, and the
// relations of allowed types among them.
//
//   person:p --HOLDS_POSITION--> police-agency:a --HAS_JURISDICTION--> area:x --LOCATED_IN--> country:vn
//   person:p --SIGNED--> agreement:m <--PARTY_TO-- police-agency:a, police-agency:b
//   police-agency:b --PARTICIPATED_IN--> event:e;   area:y --LOCATED_IN--> area:x
//
// Hops from police-agency:a, relations followed both ways:
//   0: a   1: p, m, x   2: b, vn, y   3: e

import { MultiDirectedGraph } from 'graphology';
import { bfsFromNode } from 'graphology-traversal';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, NotFoundError } from '../../../src/errors.js';
import { generateGraph } from '../../../src/generate/generate-graph.js';
import { neighborhood, type Subgraph } from '../../../src/store/queries/neighborhood.js';
import { readData } from '../../../src/write/open-data.js';
import { entity, graphOf, relation } from '../../helpers.js';
import { seedGraph } from '../../seed-graph.js';
import { tempDir } from '../../temp-dir.js';
import { smallGraph } from '../small-graph.js';
import { thrown } from '../thrown.js';
import { distancesFrom } from '../undirected-bfs.js';

const kg = graphOf(
  [
    entity('person:p', 'Person', 'Vu Tien Dung'),
    entity('police-agency:a', 'PoliceAgency', 'Dien Bien Provincial Police Department'),
    entity('police-agency:b', 'PoliceAgency', 'Pu’er Municipal Police Department'),
    entity('agreement:m', 'Agreement', '9th MoU', { agreementType: 'MOU' }),
    entity('event:e', 'Event', 'Border meeting', { eventType: 'MEETING' }),
    entity('area:x', 'Area', 'Dien Bien'),
    entity('area:y', 'Area', 'Dien Bien Phu'),
    entity('country:vn', 'Country', 'Vietnam', { code: 'VN' }),
  ],
  [
    relation('HOLDS_POSITION', 'person:p', 'police-agency:a'),
    relation('PARTY_TO', 'police-agency:a', 'agreement:m'),
    relation('PARTY_TO', 'police-agency:b', 'agreement:m'),
    relation('PARTICIPATED_IN', 'police-agency:b', 'event:e'),
    relation('HAS_JURISDICTION', 'police-agency:a', 'area:x'),
    relation('LOCATED_IN', 'area:x', 'country:vn'),
    relation('LOCATED_IN', 'area:y', 'area:x'),
    relation('SIGNED', 'person:p', 'agreement:m'),
  ],
);

const nodeIds = (s: Subgraph) => s.nodes.map((n) => n.id).sort();
const relationIds = (s: Subgraph) => s.relations.map((r) => r.id).sort();
const DEPTH_1 = ['agreement:m', 'area:x', 'person:p'];
const DEPTH_2 = ['area:y', 'country:vn', 'police-agency:b'];

describe('neighborhood: depth', () => {
  it('at depth 1 (the default) is the entity and its direct neighbours', () => {
    const s = neighborhood(kg, 'police-agency:a');
    expect(nodeIds(s)).toEqual(['police-agency:a', ...DEPTH_1].sort());
    expect(s.truncated).toBe(false);
  });

  it('at depth 2 adds the neighbours of neighbours, nearest first', () => {
    const s = neighborhood(kg, 'police-agency:a', { depth: 2 });
    expect(s.nodes).toHaveLength(7);
    expect(s.nodes[0]!.id).toBe('police-agency:a');
    expect(s.nodes.slice(1, 4).map((n) => n.id).sort()).toEqual(DEPTH_1);
    expect(s.nodes.slice(4).map((n) => n.id).sort()).toEqual(DEPTH_2);
    expect(s.truncated).toBe(false);
  });

  it('at depth 3 reaches everything connected', () => {
    expect(nodeIds(neighborhood(kg, 'police-agency:a', { depth: 3 }))).toEqual(kg.entities().map((e) => e.id));
  });

  it('returns full entity records', () => {
    const s = neighborhood(kg, 'person:p');
    expect(s.nodes.find((n) => n.id === 'agreement:m')).toMatchObject({ kind: 'Agreement', name: '9th MoU', attributes: { agreementType: 'MOU' } });
  });
});

describe('neighborhood: relations', () => {
  it('are every relation among the returned entities, not only those touching the start', () => {
    // person:p and agreement:m are both one hop from the agency, and SIGNED joins them
    expect(relationIds(neighborhood(kg, 'police-agency:a'))).toEqual([
      'HAS_JURISDICTION:police-agency:a->area:x',
      'HOLDS_POSITION:person:p->police-agency:a',
      'PARTY_TO:police-agency:a->agreement:m',
      'SIGNED:person:p->agreement:m',
    ]);
  });

  it('leave out relations reaching beyond the returned entities', () => {
    const s = neighborhood(kg, 'police-agency:a', { depth: 2 });
    expect(relationIds(s)).toHaveLength(7);
    expect(relationIds(s)).not.toContain('PARTICIPATED_IN:police-agency:b->event:e');
    const included = new Set(s.nodes.map((n) => n.id));
    for (const r of s.relations) expect(included.has(r.from) && included.has(r.to), r.id).toBe(true);
  });

  it('hold each relation once', () => {
    const s = neighborhood(kg, 'police-agency:a', { depth: 3 });
    expect(s.relations).toHaveLength(8);
    expect(new Set(relationIds(s)).size).toBe(8);
  });
});

describe('neighborhood: direction', () => {
  it('OUT follows relations forward only', () => {
    expect(nodeIds(neighborhood(kg, 'police-agency:a', { depth: 2, direction: 'OUT' }))).toEqual([
      'agreement:m',
      'area:x',
      'country:vn',
      'police-agency:a',
    ]);
  });

  it('IN follows relations backward only', () => {
    expect(nodeIds(neighborhood(kg, 'police-agency:a', { depth: 2, direction: 'IN' }))).toEqual(['person:p', 'police-agency:a']);
    expect(nodeIds(neighborhood(kg, 'area:x', { depth: 2, direction: 'IN' }))).toEqual(['area:x', 'area:y', 'person:p', 'police-agency:a']);
    expect(nodeIds(neighborhood(kg, 'agreement:m', { direction: 'IN' }))).toEqual(['agreement:m', 'person:p', 'police-agency:a', 'police-agency:b']);
  });

  it('ANY (the default) follows both', () => {
    expect(nodeIds(neighborhood(kg, 'area:x', { direction: 'ANY' }))).toEqual(nodeIds(neighborhood(kg, 'area:x')));
    expect(nodeIds(neighborhood(kg, 'area:x', { direction: 'ANY' }))).toEqual(['area:x', 'area:y', 'country:vn', 'police-agency:a']);
  });

  it('a sink has nothing OUT, a source nothing IN', () => {
    expect(nodeIds(neighborhood(kg, 'country:vn', { depth: 3, direction: 'OUT' }))).toEqual(['country:vn']);
    expect(nodeIds(neighborhood(kg, 'person:p', { depth: 3, direction: 'IN' }))).toEqual(['person:p']);
  });

  it('still returns every relation among the entities it reached, whichever way they point', () => {
    // area:x IN reaches y and a (depth 1) then p (depth 2); HOLDS_POSITION p->a points away from area:x
    expect(relationIds(neighborhood(kg, 'area:x', { depth: 2, direction: 'IN' }))).toEqual([
      'HAS_JURISDICTION:police-agency:a->area:x',
      'HOLDS_POSITION:person:p->police-agency:a',
      'LOCATED_IN:area:y->area:x',
    ]);
  });
});

describe('neighborhood: types', () => {
  it('follows only relations of the given types', () => {
    const s = neighborhood(kg, 'police-agency:a', { depth: 3, types: ['PARTY_TO'] });
    expect(nodeIds(s)).toEqual(['agreement:m', 'police-agency:a', 'police-agency:b']);
    expect(relationIds(s)).toEqual(['PARTY_TO:police-agency:a->agreement:m', 'PARTY_TO:police-agency:b->agreement:m']);
  });

  it('returns only relations of the given types, even between returned entities', () => {
    const s = neighborhood(kg, 'police-agency:a', { depth: 2, types: ['PARTY_TO', 'SIGNED'] });
    expect(nodeIds(s)).toEqual(['agreement:m', 'person:p', 'police-agency:a', 'police-agency:b']);
    // HOLDS_POSITION joins person:p and the agency, but is not of an asked type
    expect(relationIds(s)).toEqual([
      'PARTY_TO:police-agency:a->agreement:m',
      'PARTY_TO:police-agency:b->agreement:m',
      'SIGNED:person:p->agreement:m',
    ]);
  });

  it('combine with direction', () => {
    expect(nodeIds(neighborhood(kg, 'agreement:m', { direction: 'IN', types: ['SIGNED'] }))).toEqual(['agreement:m', 'person:p']);
    expect(nodeIds(neighborhood(kg, 'agreement:m', { direction: 'OUT', types: ['PARTY_TO'] }))).toEqual(['agreement:m']);
  });

  it('an empty list of types means every type', () => {
    expect(nodeIds(neighborhood(kg, 'police-agency:a', { depth: 2, types: [] }))).toEqual(nodeIds(neighborhood(kg, 'police-agency:a', { depth: 2 })));
    expect(relationIds(neighborhood(kg, 'police-agency:a', { depth: 2, types: [] }))).toHaveLength(7);
  });
});

describe('neighborhood: kinds', () => {
  it('enters only entities of the given kinds and does not walk through the others', () => {
    // agreement:m is not entered, so police-agency:b behind it is not reached
    const s = neighborhood(kg, 'person:p', { depth: 3, kinds: ['PoliceAgency'] });
    expect(nodeIds(s)).toEqual(['person:p', 'police-agency:a']);
    expect(relationIds(s)).toEqual(['HOLDS_POSITION:person:p->police-agency:a']);
  });

  it('always includes the start, whatever its kind', () => {
    expect(nodeIds(neighborhood(kg, 'person:p', { depth: 2, kinds: ['Country'] }))).toEqual(['person:p']);
  });

  it('reaches further through the kinds it may enter', () => {
    expect(nodeIds(neighborhood(kg, 'person:p', { depth: 2, kinds: ['PoliceAgency', 'Agreement'] }))).toEqual([
      'agreement:m',
      'person:p',
      'police-agency:a',
      'police-agency:b',
    ]);
  });

  it('an empty list of kinds means every kind', () => {
    expect(nodeIds(neighborhood(kg, 'person:p', { depth: 2, kinds: [] }))).toEqual(nodeIds(neighborhood(kg, 'person:p', { depth: 2 })));
  });
});

describe('neighborhood: limit', () => {
  it('returns exactly `limit` entities, nearest first, and says it was truncated', () => {
    const s = neighborhood(kg, 'police-agency:a', { depth: 2, limit: 3 });
    expect(s.nodes).toHaveLength(3);
    expect(s.truncated).toBe(true);
    expect(s.nodes[0]!.id).toBe('police-agency:a');
    for (const n of s.nodes.slice(1)) expect(DEPTH_1).toContain(n.id);
  });

  it('cuts a whole ring before the next one', () => {
    const s = neighborhood(kg, 'police-agency:a', { depth: 2, limit: 4 });
    expect(nodeIds(s)).toEqual(['police-agency:a', ...DEPTH_1].sort());
    expect(s.truncated).toBe(true);
    expect(relationIds(s)).toHaveLength(4);
  });

  it('keeps only the relations among the entities kept', () => {
    const s = neighborhood(kg, 'police-agency:a', { depth: 2, limit: 2 });
    expect(s.nodes).toHaveLength(2);
    const kept = new Set(s.nodes.map((n) => n.id));
    expect(s.relations).toHaveLength(1);
    expect(kept.has(s.relations[0]!.from) && kept.has(s.relations[0]!.to)).toBe(true);
  });

  it('a limit of 1 keeps the start alone', () => {
    const s = neighborhood(kg, 'police-agency:a', { limit: 1 });
    expect(nodeIds(s)).toEqual(['police-agency:a']);
    expect(s.relations).toEqual([]);
    expect(s.truncated).toBe(true);
  });

  it('is not truncated when the limit is exactly what there is', () => {
    const s = neighborhood(kg, 'police-agency:a', { depth: 2, limit: 7 });
    expect(s.nodes).toHaveLength(7);
    expect(s.truncated).toBe(false);
  });

  it('is not truncated by entities the kinds filter leaves out', () => {
    // person:p depth 1 visits police-agency:a and agreement:m; only the agency is kept
    const s = neighborhood(kg, 'person:p', { kinds: ['PoliceAgency'], limit: 2 });
    expect(nodeIds(s)).toEqual(['person:p', 'police-agency:a']);
    expect(s.truncated).toBe(false);
  });

  it('is not truncated by an isolated entity', () => {
    const lone = graphOf([entity('person:q', 'Person', 'Ma Shuliang')]);
    expect(neighborhood(lone, 'person:q', { depth: 4, limit: 1 })).toEqual({ nodes: [lone.getEntity('person:q')], relations: [], truncated: false });
  });
});

describe('neighborhood: bad arguments', () => {
  it.each([0, 5, 9, -1, 1.5, Number.NaN])('rejects depth %s with a BAD_USER_INPUT InvalidArgumentError', (depth) => {
    const error = thrown(() => neighborhood(kg, 'police-agency:a', { depth }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(`neighborhood: depth ${depth} is out of range 1..4`);
  });

  it.each([0, 1001, -5, 2.5])('rejects limit %s with a BAD_USER_INPUT InvalidArgumentError', (limit) => {
    const error = thrown(() => neighborhood(kg, 'police-agency:a', { limit }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(`neighborhood: limit ${limit} is out of range 1..1000`);
  });

  it('accepts the bounds: depth 1 and 4, limit 1 and 1000', () => {
    expect(() => neighborhood(kg, 'police-agency:a', { depth: 1, limit: 1000 })).not.toThrow();
    expect(() => neighborhood(kg, 'police-agency:a', { depth: 4, limit: 100 })).not.toThrow();
    expect(() => neighborhood(kg, 'police-agency:a', { depth: 3, limit: 1 })).not.toThrow();
  });

  it('serves depth 4 only with a limit of at most 100', () => {
    const error = thrown(() => neighborhood(kg, 'police-agency:a', { depth: 4, limit: 101 }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('neighborhood: depth 4 needs a limit of at most 100 (got 101)');
  });

  it('rejects an unknown id with a NOT_FOUND NotFoundError and a did-you-mean hint', () => {
    const error = thrown(() => neighborhood(kg, 'police-agency:aa'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('neighborhood: no entity has the id "police-agency:aa" (did you mean "police-agency:a"?)');
  });
});

describe('neighborhood on the seed graph', () => {
  const seed = seedGraph();
  const starts = [
    'person:ma-shuliang',
    'person:nguyen-trung-thuc',
    'police-agency:dien-bien-provincial-police-department',
    'country:cn',
    'crime-category:gambling',
    'agreement:dien-bien-puer-mou-9',
  ];

  it.each(starts)('at depth 2, ANY, limit 1000 from %s is every entity within 2 hops by a plain BFS', (start) => {
    const distance = distancesFrom(seed, start);
    const expected = [...distance].filter(([, d]) => d <= 2).map(([id]) => id).sort();
    const s = neighborhood(seed, start, { depth: 2, direction: 'ANY', limit: 1000 });
    expect(s.truncated).toBe(false);
    expect(s.nodes.map((n) => n.id).sort()).toEqual(expected);
    // nearest first
    const hops = s.nodes.map((n) => distance.get(n.id)!);
    expect(hops).toEqual([...hops].sort((a, b) => a - b));
    // the relations are exactly those among the returned entities
    const inside = new Set(expected);
    const induced = seed.relations().filter((r) => inside.has(r.from) && inside.has(r.to)).map((r) => r.id).sort();
    expect(s.relations.map((r) => r.id).sort()).toEqual(induced);
  });

  it('truncated at a limit, keeps the nearest entities', () => {
    const start = 'police-agency:dien-bien-provincial-police-department';
    const distance = distancesFrom(seed, start);
    const within1 = [...distance].filter(([, d]) => d <= 1).length;
    const s = neighborhood(seed, start, { depth: 2, limit: within1 });
    expect(s.truncated).toBe(true);
    expect(s.nodes.every((n) => distance.get(n.id)! <= 1)).toBe(true);
  });
});

// The shared eleven-entity graph of ../small-graph.ts.
describe('neighborhood on the shared small graph', () => {
  const small = smallGraph();

  it('returns the entity and its neighbours at depth 1, with the relations among them', () => {
    const s = neighborhood(small, 'person:p');
    expect(nodeIds(s)).toEqual(['agreement:m', 'person:p', 'police-agency:a']);
    expect(relationIds(s)).toEqual([
      'HOLDS_POSITION:person:p->police-agency:a',
      'PARTY_TO:police-agency:a->agreement:m',
      'SIGNED:person:p->agreement:m',
    ]);
    expect(s.truncated).toBe(false);
  });

  it('goes deeper with depth, nearest first', () => {
    const s = neighborhood(small, 'person:p', { depth: 2 });
    expect(nodeIds(s)).toEqual(['agreement:m', 'area:a', 'event:e', 'person:p', 'police-agency:a', 'police-agency:b']);
    expect(s.nodes[0]!.id).toBe('person:p');
  });

  it('stops at the limit and says it was truncated', () => {
    const s = neighborhood(small, 'person:p', { depth: 2, limit: 2 });
    expect(s.nodes.map((n) => n.id)).toEqual(['person:p', 'police-agency:a']);
    expect(s.truncated).toBe(true);
  });
});

// The walk is our own (graphology-traversal's allocates a queue the size of
// the graph for every walk); it keeps what graphology's BFS would, in its order.
describe('neighborhood on a generated graph, against graphology-traversal', () => {
  const dir = tempDir('neighborhood');
  generateGraph(dir, { entities: 3_000, seed: 13 });
  const { kg: generated } = readData(dir);
  const starts = generated.graph.nodes().filter((_, i) => i % 211 === 0);
  const MODE = { OUT: 'out', IN: 'in', ANY: 'directed' } as const;

  // the relations of two types alone, as a graphology graph of its own
  const TYPES = ['PARTY_TO', 'SIGNED'] as const;
  const typed = new MultiDirectedGraph();
  generated.graph.forEachNode((node, attributes) => typed.addNode(node, attributes));
  generated.graph.forEachEdge((edge, relation, from, to) => (TYPES as readonly string[]).includes(relation.type) && typed.addEdgeWithKey(edge, from, to));

  const everyRelation = generated.relations();
  const induced = (inside: Set<string>) => everyRelation.filter((r) => inside.has(r.from) && inside.has(r.to)).map((r) => r.id).sort();

  /** What graphology's BFS keeps, walking as neighborhood() does. */
  function expected(start: string, depth: number, limit: number, direction: keyof typeof MODE, kinds?: string[], graph: MultiDirectedGraph = generated.graph) {
    const kept: string[] = [];
    let truncated = false;
    bfsFromNode(
      graph,
      start,
      (node, attributes, hops) => {
        if (truncated) return true;
        if (node !== start && kinds && !kinds.includes(attributes.kind)) return true;
        if (kept.length >= limit) {
          truncated = true;
          return true;
        }
        kept.push(node);
        return hops >= depth;
      },
      { mode: MODE[direction] },
    );
    return { kept, truncated };
  }

  it.each(['ANY', 'OUT', 'IN'] as const)('keeps the same entities in the same order, walking %s', (direction) => {
    let cut = 0;
    for (const start of starts) {
      for (const [depth, limit, kinds] of [[1, 1000], [2, 50], [3, 500], [3, 500, ['Agreement', 'PoliceAgency']], [4, 100]] as const) {
        const walked = neighborhood(generated, start, { depth, limit, direction, kinds: kinds && [...kinds] });
        const { kept, truncated } = expected(start, depth, limit, direction, kinds && [...kinds]);
        expect(walked.nodes.map((n) => n.id)).toEqual(kept);
        expect(walked.truncated).toBe(truncated);
        // every relation among them (looked up from the fewer side, for an agency party to many agreements)
        const inside = new Set(kept);
        expect(walked.relations.map((r) => r.id).sort()).toEqual(induced(inside));
        if (truncated) cut++;
      }
    }
    expect(cut).toBeGreaterThan(0);
  });

  it('keeps the same entities in the same order, along two relation types', () => {
    for (const start of starts) {
      const walked = neighborhood(generated, start, { depth: 3, limit: 200, types: [...TYPES] });
      const { kept, truncated } = expected(start, 3, 200, 'ANY', undefined, typed);
      expect(walked.nodes.map((n) => n.id)).toEqual(kept);
      expect(walked.truncated).toBe(truncated);
      expect(walked.relations.every((r) => (TYPES as readonly string[]).includes(r.type))).toBe(true);
    }
  });
});
