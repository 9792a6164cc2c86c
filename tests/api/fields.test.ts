// Every field of every type resolves on the seed graph, and the derived
// views (conflicts, pagination, filters, search ranking) answer correctly.

import { describe, expect, it } from 'vitest';
import { run, type Result } from './request.js';

const ALL_FIELDS = `
fragment Ev on Evidence { quote start end article { id publishedOn title url } }
query All($after: String) {
  entities(first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      __typename id kind name aliases stated inference attributes evidence { ...Ev }
      relations { id type from { id } to { id } properties stated inference evidence { ...Ev } conflicts { id } }
      conflicts { id property claims { value } }
      ... on Country { code areas { id } agencies { id } }
      ... on Area { areaLevel: level locatedIn { id } country { id } subAreas { id } agencies { id } events { id } }
      ... on PoliceAgency { level jurisdiction { id } country { id } officials { title rank person { id } agency { id } stated inference evidence { quote } }
        agreements { id } events { id } participations { role stated agency { id } event { id } evidence { quote } }
        counterparts { id } foreign: counterparts(foreignOnly: true) { id } superiors { id } subordinates { id } outcomes { id }
        equipmentGivenTo { id } equipmentReceivedFrom { id } }
      ... on Person { rank nationality positions { title } signed { onBehalfOf { id } agreement { id } person { id } stated inference evidence { quote } }
        ledDelegations { side stated inference leader { id } event { id } evidence { quote } } articles { id } }
      ... on Agreement { agreementType ordinal signedOn count parties { id } signatories { person { id } } signedAt { id }
        follows { id } followedBy { id } addresses { id } reviewedAt { id } }
      ... on Event { eventType ordinal startDate endDate location { id } participants { id } participations { role }
        delegations { side } agreementsSigned { id } agreementsReviewed { id } addresses { id } }
      ... on CrimeCategory { slug broader { id } narrower { id } addressedBy { id } outcomes { id } }
      ... on Outcome { action quantities { value unit } period reportedBy { id } concerns { id } }
      ... on Article { title publishedOn url publisher author text authors { id } publishedBy { id } }
    }
  }
}`;

describe('fields', () => {
  it('resolves every field of every entity without an error', async () => {
    const seen: any[] = [];
    let after: string | null = null;
    do {
      const { data, errors }: Result = await run(ALL_FIELDS, { after });
      expect(errors).toBeUndefined();
      seen.push(...data.entities.nodes);
      after = data.entities.pageInfo.hasNextPage ? data.entities.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(58);
    expect(new Set(seen.map((e) => e.id)).size).toBe(58);
    // __typename is the PascalCase kind: POLICE_AGENCY → PoliceAgency
    const pascal = (kind: string) => kind.toLowerCase().replace(/(?:^|_)(\w)/g, (_, c: string) => c.toUpperCase());
    for (const e of seen) expect(e.__typename).toBe(pascal(e.kind));
    expect(new Set(seen.map((e) => e.__typename)).size).toBe(9);
  });

  it('pages with cursors: pages join up to the whole list, totalCount stays', async () => {
    const q = `query ($after: String) { entities(kinds: [PERSON], first: 2, after: $after) {
      totalCount nodes { id } edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    const first = (await run(q)).data.entities;
    const second = (await run(q, { after: first.pageInfo.endCursor })).data.entities;
    const third = (await run(q, { after: second.pageInfo.endCursor })).data.entities;
    expect(first.totalCount).toBe(5);
    expect([...first.nodes, ...second.nodes, ...third.nodes].map((n: any) => n.id)).toEqual([
      'person:duy-tien',
      'person:ma-shuliang',
      'person:nguyen-trung-thuc',
      'person:thien-huong',
      'person:vu-tien-dung',
    ]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(first.edges[1].cursor).toBe(first.pageInfo.endCursor);
  });

  it('keeps the four-vs-five provinces disagreement as a queryable conflict', async () => {
    const { data } = await run(`{
      conflicts { id property note about entities { id } claims { value evidence { quote article { publishedOn } } } }
      node(id: "event:law-enforcement-cooperation-conference-3") { conflicts { id } }
    }`);
    expect(data.conflicts).toHaveLength(1);
    const [conflict] = data.conflicts;
    expect(conflict.property).toBe('number of Vietnamese provinces');
    expect(conflict.claims.map((c: any) => c.value)).toEqual(['4', '5']);
    expect(conflict.claims[0].evidence[0].quote).toContain('four Vietnamese border provinces');
    expect(conflict.claims[1].evidence[0].quote).toContain('five Vietnamese provinces');
    expect(conflict.claims[1].evidence[0].article.publishedOn).toBe('2019-05-10');
    expect(data.node.conflicts).toEqual([{ id: conflict.id }]);
  });

  it('filters agreements by party, signatory, crime category, type and date', async () => {
    const count = async (filter: string) => (await run(`{ agreements(filter: ${filter}) { nodes { id } } }`)).data.agreements.nodes.map((n: any) => n.id);
    expect(await count('{ signatory: "person:nguyen-trung-thuc" }')).toEqual(['agreement:law-enforcement-cooperation-conference-3-mou']);
    expect(await count('{ party: "police-agency:puer-municipal-police-department" }')).toEqual(['agreement:dien-bien-puer-mou-8', 'agreement:dien-bien-puer-mou-9']);
    expect(await count('{ addresses: "crime-category:counterfeit-money", agreementType: MOU }')).toEqual(['agreement:dien-bien-puer-mou-8', 'agreement:dien-bien-puer-mou-9']);
    expect(await count('{ agreementType: MECHANISM }')).toEqual(['agreement:1-plus-5-mechanism']);
    expect(await count('{ signedFrom: "2019-05-01" }')).toEqual(['agreement:dien-bien-puer-mou-9']);
    expect(await count('{ signedTo: "2019-04-30" }')).toEqual(['agreement:law-enforcement-cooperation-conference-3-mou']);
  });

  it('filters events, people and agencies', async () => {
    const { data } = await run(`{
      events(filter: { participant: "police-agency:guangxi-public-security-department" }) { nodes { id } }
      dated: events(filter: { from: "2019-04-27", to: "2019-04-27" }) { nodes { id } }
      people(filter: { rank: "senior colonel" }) { nodes { id } }
      chinese: people(filter: { nationality: "cn" }) { nodes { id } }
      agencies(filter: { level: PROVINCIAL, country: "country:vn" }) { totalCount }
      china: agencies(filter: { country: "country:cn" }) { nodes { id } }
    }`);
    expect(data.events.nodes).toEqual([{ id: 'event:law-enforcement-cooperation-conference-3' }]);
    expect(data.dated.nodes).toEqual([{ id: 'event:law-enforcement-cooperation-conference-3' }]);
    expect(data.people.nodes.map((p: any) => p.id)).toEqual(['person:nguyen-trung-thuc', 'person:vu-tien-dung']);
    expect(data.chinese.nodes).toEqual([{ id: 'person:ma-shuliang' }]);
    expect(data.agencies.totalCount).toBe(5);
    expect(data.china.nodes.map((a: any) => a.id)).toEqual([
      'police-agency:guangxi-public-security-department',
      'police-agency:puer-municipal-police-department',
    ]);
  });

  it('ranks search hits exact, alias, prefix, fuzzy, with diacritics and apostrophes ignored', async () => {
    const { data } = await run(`{
      exact: searchHits(query: "Pu’er") { entity { id } match }
      accents: search(query: "Điện Biên", kinds: [AREA]) { id }
      apostrophe: search(query: "Pu'er Municipal Police Department", first: 1) { id }
      fuzzy: searchHits(query: "Nguyen Trung Thuk") { entity { id } match }
    }`);
    expect(data.exact[0]).toEqual({ entity: { id: 'area:puer' }, match: 'EXACT' });
    expect(data.exact.slice(1).every((h: any) => h.match === 'PREFIX' || h.match === 'FUZZY')).toBe(true);
    expect(data.accents[0].id).toBe('area:dien-bien');
    expect(data.apostrophe).toEqual([{ id: 'police-agency:puer-municipal-police-department' }]);
    expect(data.fuzzy[0]).toEqual({ entity: { id: 'person:nguyen-trung-thuc' }, match: 'FUZZY' });
  });

  it('finds an entity by alias, ranked after exact names', async () => {
    const { data } = await run('{ searchHits(query: "MPS") { entity { id } match } }');
    expect(data.searchHits[0]).toEqual({ entity: { id: 'police-agency:ministry-of-public-security' }, match: 'ALIAS' });
  });

  it('lists relations by type and stated flag, and counts them in stats', async () => {
    const { data } = await run(`{
      inferred: relations(stated: false, first: 100) { totalCount nodes { stated inference } }
      signed: relations(types: [SIGNED]) { totalCount }
      stats { entities relations inferredRelations conflicts byKind { kind count } byType { type count } }
    }`);
    expect(data.inferred.totalCount).toBe(data.stats.inferredRelations);
    expect(data.inferred.nodes.every((r: any) => !r.stated && r.inference)).toBe(true);
    expect(data.signed.totalCount).toBe(3);
    expect(data.stats.byKind.find((k: any) => k.kind === 'PERSON').count).toBe(5);
    expect(data.stats.byType.reduce((sum: number, t: any) => sum + t.count, 0)).toBe(data.stats.relations);
    expect(data.stats.conflicts).toBe(1);
  });

  it('finds paths between two officials, shortest first', async () => {
    const { data, errors } = await run(`{ paths(from: "person:vu-tien-dung", to: "person:ma-shuliang", maxLength: 2) { length nodes { id } relations { type } } }`);
    expect(errors).toBeUndefined();
    expect(data.paths.map((p: any) => p.nodes.map((n: any) => n.id)[1]).sort()).toEqual(['agreement:dien-bien-puer-mou-9', 'event:dien-bien-puer-meeting-2019-05']);
    expect(data.paths.every((p: any) => p.length === 2)).toBe(true);
  });

  it('returns null for a path that does not exist in the asked direction', async () => {
    const { data, errors } = await run(`{ shortestPath(from: "person:vu-tien-dung", to: "person:ma-shuliang", direction: OUT) { length } }`);
    expect(errors).toBeUndefined();
    expect(data.shortestPath).toBeNull();
  });
});
