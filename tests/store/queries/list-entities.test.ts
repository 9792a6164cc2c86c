import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/errors.js';
import { listAgencies } from '../../../src/store/queries/list-agencies.js';
import { listAgreements } from '../../../src/store/queries/list-agreements.js';
import { listEvents } from '../../../src/store/queries/list-events.js';
import { listPeople } from '../../../src/store/queries/list-people.js';
import { graphStats } from '../../../src/store/queries/stats.js';
import { smallGraph } from '../small-graph.js';

const kg = smallGraph();
const ids = (list: { id: string }[]) => list.map((e) => e.id);

describe('filtered lists', () => {
  it('filter agreements by party, signatory, type and partial dates', () => {
    expect(ids(listAgreements(kg, { party: 'police-agency:b', signatory: 'person:p' }))).toEqual(['agreement:m']);
    expect(ids(listAgreements(kg, { agreementType: 'MECHANISM' }))).toEqual([]);
    expect(ids(listAgreements(kg, { signedFrom: '2019-05-31' }))).toEqual(['agreement:m']);
    expect(ids(listAgreements(kg, { signedFrom: '2019-06' }))).toEqual([]);
    expect(() => listAgreements(kg, { party: 'police-agency:x' })).toThrow(NotFoundError);
  });

  it('filter events by participant and overlapping dates', () => {
    expect(ids(listEvents(kg, { participant: 'police-agency:c' }))).toEqual(['event:e']);
    expect(ids(listEvents(kg, { from: '2019-04-28', to: '2019-05' }))).toEqual(['event:e']);
    expect(ids(listEvents(kg, { from: '2019-04-29' }))).toEqual([]);
  });

  it('filter people by agency, rank and nationality', () => {
    expect(ids(listPeople(kg, { agency: 'police-agency:a' }))).toEqual(['person:p']);
    expect(ids(listPeople(kg, { rank: 'senior colonel' }))).toEqual(['person:p']);
    expect(ids(listPeople(kg, { nationality: 'cn' }))).toEqual(['person:q']);
  });

  it('filter agencies by level, jurisdiction and country', () => {
    expect(ids(listAgencies(kg, { level: 'PROVINCIAL' }))).toEqual(['police-agency:a', 'police-agency:c']);
    expect(ids(listAgencies(kg, { jurisdiction: 'area:a' }))).toEqual(['police-agency:a', 'police-agency:c']);
    expect(ids(listAgencies(kg, { country: 'country:cn' }))).toEqual(['police-agency:b']);
  });
});

describe('stats', () => {
  it('counts by kind and by type', () => {
    const s = graphStats(kg);
    expect(s).toMatchObject({ entities: 11, relations: 11, inferredRelations: 1, conflicts: 0 });
    expect(s.byKind.find((k) => k.kind === 'PoliceAgency')!.count).toBe(3);
    expect(s.byType.find((t) => t.type === 'HAS_JURISDICTION')!.count).toBe(3);
  });
});
