// The acceptance queries of CONTRACT.md, run verbatim, with their answers.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { savedOperations } from '../../src/api/playground/index.js';
import { exportGraph } from '../../src/export/export-graph.js';
import { seedGraph } from '../seed-graph.js';
import { run } from './request.js';

const operations = new Map(savedOperations().map((op) => [op.name, op]));
const acceptance = (name: string, variables?: Record<string, unknown>) => {
  const op = operations.get(name)!;
  return run(op.query, variables ?? (op.variables ? JSON.parse(op.variables) : undefined));
};
const ids = (list: { id: string }[]) => list.map((e) => e.id).sort();

/** Distances from `start` over the exported relations taken as undirected edges: an independent BFS. */
function bfsDistances(start: string): Map<string, number> {
  const exported = JSON.parse([...exportGraph(seedGraph(), 'json')].join('')) as { relations: { from: string; to: string }[] };
  const adjacent = new Map<string, string[]>();
  for (const { from, to } of exported.relations) {
    adjacent.set(from, [...(adjacent.get(from) ?? []), to]);
    adjacent.set(to, [...(adjacent.get(to) ?? []), from]);
  }
  const distance = new Map([[start, 0]]);
  const queue = [start];
  while (queue.length) {
    const node = queue.shift()!;
    for (const next of adjacent.get(node) ?? []) {
      if (!distance.has(next)) {
        distance.set(next, distance.get(node)! + 1);
        queue.push(next);
      }
    }
  }
  return distance;
}

describe('acceptance queries', () => {
  it('ships every acceptance query with the playground', () => {
    expect([...operations.keys()].sort()).toEqual(
      ['agency-counterparts', 'entity', 'neighborhood', 'official', 'shortest-path', 'who-signed-which-mou'].sort(),
    );
  });

  it('who-signed-which-mou: the 9th MoU with its parties and inferred signatories', async () => {
    const { data, errors } = await acceptance('who-signed-which-mou');
    expect(errors).toBeUndefined();
    const mous = data.agreements.nodes;
    expect(data.agreements.totalCount).toBe(5);
    const ninth = mous.find((m: any) => m.ordinal === 9);
    expect(ninth.id).toBe('agreement:dien-bien-puer-mou-9');
    expect(ninth.signedOn).toBe('2019-05');
    expect(ids(ninth.parties)).toEqual(['police-agency:dien-bien-provincial-police-department', 'police-agency:puer-municipal-police-department']);
    expect(ninth.signatories.map((s: any) => [s.person.id, s.onBehalfOf.id, s.stated]).sort()).toEqual([
      ['person:ma-shuliang', 'police-agency:puer-municipal-police-department', false],
      ['person:vu-tien-dung', 'police-agency:dien-bien-provincial-police-department', false],
    ]);
    for (const s of ninth.signatories) {
      expect(s.inference).toMatch(/delegation/);
      expect(s.evidence[0].quote).toBe('leaders of the two police departments signed their 9th MoU');
      expect(s.evidence[0].article.id).toBe('article:2019-05-25-dien-bien-provincial-police-police-of-puer');
    }
    expect(ninth.signedAt.id).toBe('event:dien-bien-puer-meeting-2019-05');
    expect(ninth.signedAt.startDate).toBe('2019-05');
    expect(ninth.follows.id).toBe('agreement:dien-bien-puer-mou-8');

    const third = mous.find((m: any) => m.id === 'agreement:law-enforcement-cooperation-conference-3-mou');
    expect(third.parties).toHaveLength(5);
    expect(third.signatories.map((s: any) => [s.person.id, s.stated])).toEqual([['person:nguyen-trung-thuc', false]]);
    expect(third.signedAt.id).toBe('event:law-enforcement-cooperation-conference-3');
  });

  it('official: Vu Tien Dung, his post, his inferred signature and the delegation he led', async () => {
    const { data, errors } = await acceptance('official');
    expect(errors).toBeUndefined();
    const [dung] = data.search;
    expect(dung).toMatchObject({ id: 'person:vu-tien-dung', name: 'Vu Tien Dung', rank: 'Senior Colonel' });
    expect(dung.positions).toEqual([
      {
        title: 'Vice Director',
        rank: 'Senior Colonel',
        agency: { id: 'police-agency:dien-bien-provincial-police-department', name: 'Dien Bien Provincial Police Department' },
      },
    ]);
    expect(dung.signed).toEqual([
      { agreement: { id: 'agreement:dien-bien-puer-mou-9', name: '9th Dien Bien – Pu’er MoU' }, stated: false, inference: expect.any(String) },
    ]);
    expect(dung.ledDelegations).toEqual([{ event: { id: 'event:dien-bien-puer-meeting-2019-05', name: expect.any(String) }, side: 'VN', stated: true }]);
  });

  it('official: finds Ma Shuliang, who has no rank, as the Chinese delegation head', async () => {
    const { data } = await acceptance('official', { name: 'Ma Shuliang' });
    const [ma] = data.search;
    expect(ma.rank).toBeNull();
    expect(ma.ledDelegations[0].side).toBe('CN');
    expect(ma.positions[0].agency.id).toBe('police-agency:puer-municipal-police-department');
  });

  it("agency-counterparts: Dien Bien's officials, agreements, meeting and counterpart", async () => {
    const { data, errors } = await acceptance('agency-counterparts');
    expect(errors).toBeUndefined();
    const [agency] = data.search;
    expect(agency.id).toBe('police-agency:dien-bien-provincial-police-department');
    expect(agency.level).toBe('PROVINCIAL');
    expect(ids(agency.jurisdiction)).toEqual(['area:dien-bien']);
    expect(agency.officials).toEqual([{ person: { id: 'person:vu-tien-dung', name: 'Vu Tien Dung' }, title: 'Vice Director', rank: 'Senior Colonel' }]);
    expect(ids(agency.agreements)).toEqual(['agreement:dien-bien-puer-mou-8', 'agreement:dien-bien-puer-mou-9']);
    expect(agency.events).toEqual([{ id: 'event:dien-bien-puer-meeting-2019-05', name: expect.any(String), startDate: '2019-05' }]);
    expect(agency.counterparts).toEqual([{ id: 'police-agency:puer-municipal-police-department', name: 'Pu’er Municipal Police Department' }]);
  });

  it("agency-counterparts: Lang Son's counterparts are the other parties of its agreements and events", async () => {
    const { data } = await acceptance('agency-counterparts', { name: 'Lang Son Provincial Police' });
    const [agency] = data.search;
    expect(agency.id).toBe('police-agency:lang-son-provincial-police-department');
    expect(ids(agency.counterparts)).toEqual([
      'police-agency:cao-bang-provincial-police-department',
      'police-agency:guangxi-public-security-department',
      'police-agency:ha-giang-provincial-police-department',
      'police-agency:quang-ninh-provincial-police-department',
    ]);
    expect(agency.officials[0]).toMatchObject({ person: { id: 'person:nguyen-trung-thuc' }, title: 'Director' });
  });

  it('entity: every relation around Ma Shuliang with its evidence', async () => {
    const { data, errors } = await acceptance('entity', { id: 'person:ma-shuliang' });
    expect(errors).toBeUndefined();
    expect(data.node).toMatchObject({ id: 'person:ma-shuliang', kind: 'PERSON', name: 'Ma Shuliang', stated: true });
    expect(data.node.evidence[0].quote).toContain('Ma Shuliang');
    const relations = data.node.relations.map((r: any) => `${r.type} ${r.from.id} ${r.to.id} ${r.stated}`).sort();
    expect(relations).toEqual([
      'HOLDS_POSITION person:ma-shuliang police-agency:puer-municipal-police-department true',
      'LED_DELEGATION person:ma-shuliang event:dien-bien-puer-meeting-2019-05 true',
      'SIGNED person:ma-shuliang agreement:dien-bien-puer-mou-9 false',
    ]);
    for (const r of data.node.relations) expect(r.evidence.length).toBeGreaterThan(0);
  });

  it('shortest-path: Ma Shuliang to Nguyen Trung Thuc, as short as a BFS over the export says', async () => {
    const from = 'person:ma-shuliang';
    const to = 'person:nguyen-trung-thuc';
    const { data, errors } = await acceptance('shortest-path', { from, to });
    expect(errors).toBeUndefined();
    const path = data.shortestPath;
    expect(path.length).toBe(bfsDistances(from).get(to));
    expect(path.nodes[0].id).toBe(from);
    expect(path.nodes.at(-1).id).toBe(to);
    expect(path.relations).toHaveLength(path.length);
    // each relation links consecutive nodes, in either direction
    path.relations.forEach((r: any, i: number) => {
      expect([r.from.id, r.to.id].sort()).toEqual([path.nodes[i].id, path.nodes[i + 1].id].sort());
    });
  });

  it('neighborhood: the entities within two hops are those a BFS over the export finds', async () => {
    const id = 'police-agency:dien-bien-provincial-police-department';
    const { data, errors } = await acceptance('neighborhood', { id });
    expect(errors).toBeUndefined();
    const expected = [...bfsDistances(id)].filter(([, d]) => d <= 2).map(([n]) => n).sort();
    expect(data.neighborhood.truncated).toBe(false);
    expect(data.neighborhood.nodes.map((n: any) => n.id).sort()).toEqual(expected);
    const inside = new Set(expected);
    for (const r of data.neighborhood.relations) {
      expect(inside.has(r.from.id) && inside.has(r.to.id)).toBe(true);
    }
  });

  it('the playground opens on "who signed which MoU"', () => {
    expect(savedOperations()[0]!.name).toBe('who-signed-which-mou');
    expect(readFileSync(new URL('../../src/api/playground/who-signed-which-mou.graphql', import.meta.url), 'utf8')).toContain('WhoSignedWhichMoU');
  });
});
