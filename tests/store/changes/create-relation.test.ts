// planCreateRelation(): a curated relation whose id is `${type}:${from}->${to}`,
// its ends and onBehalfOf checked against RELATION_TYPES; self-loops, unknown
// or merged ends and duplicates are refused, leaving the graph as it was.

import { describe, expect, it } from 'vitest';
import { AlreadyExistsError, InvalidArgumentError, NotFoundError } from '../../../src/errors.js';
import { planCreateRelation, type RelationDraft } from '../../../src/store/changes/create-relation.js';
import { planMergeEntities } from '../../../src/store/changes/merge-entities.js';
import { entity, relation } from '../../helpers.js';
import { actor, apply, article, graphWith, refused } from './graph-state.js';

const TEXT = 'Vu Tien Dung signed the 9th MoU on behalf of the Dien Bien police.';

function smallGraph() {
  return graphWith(
    [
      article('article:mou', TEXT),
      entity('person:p', 'Person', 'Vu Tien Dung'),
      entity('person:q', 'Person', 'Ma Shuliang'),
      entity('agreement:m', 'Agreement', '9th MoU', { agreementType: 'MOU' }),
      entity('police-agency:a', 'PoliceAgency', 'Dien Bien Provincial Police Department'),
      entity('police-agency:b', 'PoliceAgency', 'Pu’er Municipal Police Department'),
      entity('event:e', 'Event', 'Border meeting', { eventType: 'MEETING' }),
      entity('area:x', 'Area', 'Dien Bien', { level: 'PROVINCE' }),
    ],
    [relation('PARTY_TO', 'police-agency:a', 'agreement:m')],
  );
}

const refusedDraft = (kg: ReturnType<typeof smallGraph>, draft: RelationDraft) =>
  refused(kg, () => planCreateRelation(kg, draft, actor), InvalidArgumentError, 'BAD_USER_INPUT', 'createRelation');

describe('planCreateRelation', () => {
  it('creates a relation with the id type:from->to, recording who asserted it', () => {
    const kg = smallGraph();
    const change = planCreateRelation(kg, { type: 'SIGNED', from: 'person:p', to: 'agreement:m', properties: { onBehalfOf: 'police-agency:a' } }, actor);
    expect(change.kind).toBe('CREATE_RELATION');
    expect(change.ids).toEqual(['SIGNED:person:p->agreement:m']);
    expect(change.effects.entities).toEqual([]);

    apply(kg, change);
    expect(kg.relationCount).toBe(2);
    expect(kg.entityCount).toBe(8);
    expect(kg.findRelation('SIGNED:person:p->agreement:m')).toEqual({
      id: 'SIGNED:person:p->agreement:m',
      type: 'SIGNED',
      from: 'person:p',
      to: 'agreement:m',
      properties: { onBehalfOf: 'police-agency:a' },
      stated: true,
      evidence: [],
      assertedBy: actor,
    });
    expect(kg.graph.source('SIGNED:person:p->agreement:m')).toBe('person:p');
    expect(kg.graph.target('SIGNED:person:p->agreement:m')).toBe('agreement:m');
    expect(kg.related('person:p', 'SIGNED', 'OUT').map((e) => e.id)).toEqual(['agreement:m']);
    expect(kg.relations(['SIGNED']).map((r) => r.id)).toEqual(['SIGNED:person:p->agreement:m']);
  });

  it('resolves cited quotes against the article text', () => {
    const kg = smallGraph();
    apply(kg, planCreateRelation(kg, { type: 'SIGNED', from: 'person:p', to: 'agreement:m', evidence: [{ article: 'article:mou', quote: 'signed the 9th MoU' }] }, actor));
    expect(kg.findRelation('SIGNED:person:p->agreement:m')?.evidence).toEqual([{ article: 'article:mou', quote: 'signed the 9th MoU', start: 13, end: 31 }]);
  });

  it('keeps an inferred relation with its inference line', () => {
    const kg = smallGraph();
    apply(kg, planCreateRelation(kg, { type: 'PARTICIPATED_IN', from: 'police-agency:b', to: 'event:e', properties: { role: 'GUEST' }, stated: false, inference: 'its director led the delegation' }, actor));
    expect(kg.findRelation('PARTICIPATED_IN:police-agency:b->event:e')).toMatchObject({ stated: false, inference: 'its director led the delegation', properties: { role: 'GUEST' } });
  });

  it('accepts every endpoint pair a type allows', () => {
    const kg = smallGraph();
    apply(kg, planCreateRelation(kg, { type: 'LOCATED_IN', from: 'event:e', to: 'area:x' }, actor));
    apply(kg, planCreateRelation(kg, { type: 'HAS_JURISDICTION', from: 'police-agency:a', to: 'area:x' }, actor));
    expect(kg.relationsOf('area:x', 'IN').map((r) => r.id).sort()).toEqual(['HAS_JURISDICTION:police-agency:a->area:x', 'LOCATED_IN:event:e->area:x']);
  });

  it('refuses ends of kinds the type does not allow', () => {
    const kg = smallGraph();
    const wrongFrom = refusedDraft(kg, { type: 'SIGNED', from: 'police-agency:a', to: 'agreement:m' });
    expect(wrongFrom.message).toBe('createRelation: SIGNED cannot go from a PoliceAgency to a Agreement (allowed: Person → Agreement)');
    const reversed = refusedDraft(kg, { type: 'SIGNED', from: 'agreement:m', to: 'person:p' });
    expect(reversed.message).toBe('createRelation: SIGNED cannot go from a Agreement to a Person (allowed: Person → Agreement)');
    const located = refusedDraft(kg, { type: 'LOCATED_IN', from: 'event:e', to: 'police-agency:a' });
    expect(located.message).toContain('(allowed: Area → Area|Country; Event → Area)');
  });

  it('refuses a relation from an entity to itself', () => {
    const kg = smallGraph();
    const error = refusedDraft(kg, { type: 'SUBORDINATE_TO', from: 'police-agency:a', to: 'police-agency:a' });
    expect(error.message).toBe('createRelation: a relation cannot link "police-agency:a" to itself');
  });

  it('refuses an unknown end with NOT_FOUND', () => {
    const kg = smallGraph();
    const from = refused(kg, () => planCreateRelation(kg, { type: 'SIGNED', from: 'person:r', to: 'agreement:m' }, actor), NotFoundError, 'NOT_FOUND', 'createRelation');
    expect(from.message).toMatch(/^createRelation: no entity has the id "person:r"/);
    const to = refused(kg, () => planCreateRelation(kg, { type: 'SIGNED', from: 'person:p', to: 'agreement:nine' }, actor), NotFoundError, 'NOT_FOUND', 'createRelation');
    expect(to.message).toMatch(/^createRelation: no entity has the id "agreement:nine"/);
  });

  it('refuses a merged end with NOT_FOUND, naming the entity it was merged into', () => {
    const kg = smallGraph();
    apply(kg, planMergeEntities(kg, 'person:p', 'person:q'));
    const error = refused(kg, () => planCreateRelation(kg, { type: 'SIGNED', from: 'person:q', to: 'agreement:m' }, actor), NotFoundError, 'NOT_FOUND', 'createRelation');
    expect(error.message).toBe('createRelation: "person:q" was merged into "person:p"; use that id (or unmergeEntity)');
  });

  it('refuses a relation that exists already', () => {
    const kg = smallGraph();
    const error = refused(
      kg,
      () => planCreateRelation(kg, { type: 'PARTY_TO', from: 'police-agency:a', to: 'agreement:m' }, actor),
      AlreadyExistsError,
      'ALREADY_EXISTS',
      'createRelation',
    );
    expect(error.message).toBe('createRelation: the relation "PARTY_TO:police-agency:a->agreement:m" exists already; add evidence to it instead');
  });

  it('allows the same ends under another type, or the other way round', () => {
    const kg = smallGraph();
    apply(kg, planCreateRelation(kg, { type: 'SUBORDINATE_TO', from: 'police-agency:a', to: 'police-agency:b' }, actor));
    apply(kg, planCreateRelation(kg, { type: 'SUBORDINATE_TO', from: 'police-agency:b', to: 'police-agency:a' }, actor));
    apply(kg, planCreateRelation(kg, { type: 'PROVIDED_EQUIPMENT', from: 'police-agency:a', to: 'police-agency:b' }, actor));
    expect(kg.relationCount).toBe(4);
  });

  it('refuses onBehalfOf naming an entity that is not a PoliceAgency', () => {
    const kg = smallGraph();
    const error = refusedDraft(kg, { type: 'SIGNED', from: 'person:p', to: 'agreement:m', properties: { onBehalfOf: 'area:x' } });
    expect(error.message).toBe('createRelation: properties.onBehalfOf: "area:x" is a Area, not a PoliceAgency');
  });

  it('refuses onBehalfOf naming no entity with NOT_FOUND', () => {
    const kg = smallGraph();
    const error = refused(
      kg,
      () => planCreateRelation(kg, { type: 'SIGNED', from: 'person:p', to: 'agreement:m', properties: { onBehalfOf: 'police-agency:zz' } }, actor),
      NotFoundError,
      'NOT_FOUND',
      'createRelation',
    );
    expect(error.message).toMatch(/^createRelation: no entity has the id "police-agency:zz"/);
  });

  it('refuses onBehalfOf that is not an id', () => {
    const kg = smallGraph();
    const error = refusedDraft(kg, { type: 'SIGNED', from: 'person:p', to: 'agreement:m', properties: { onBehalfOf: 'Dien Bien police' } });
    expect(error.message).toContain('properties.onBehalfOf: "Dien Bien police" is not an id');
  });

  it('refuses an unknown type, an unknown property and a bad property value', () => {
    const kg = smallGraph();
    expect(refusedDraft(kg, { type: 'MET', from: 'person:p', to: 'person:q' }).message).toContain('type: unknown relation type "MET"');
    expect(refusedDraft(kg, { type: 'PARTY_TO', from: 'police-agency:b', to: 'agreement:m', properties: { role: 'HOST' } }).message).toMatch(
      /^createRelation: properties\.role: unknown \w+ "role" for PARTY_TO \(it has none\)$/,
    );
    expect(refusedDraft(kg, { type: 'PARTICIPATED_IN', from: 'police-agency:b', to: 'event:e', properties: { role: 'VIP' } }).message).toContain(
      'properties.role: unknown value "VIP"',
    );
  });

  // checkFields (src/ontology/record-schema.ts) singularizes "properties" with
  // .replace(/s$/, ''), which gives "propertie"; "attributes" comes out right
  it('names an unknown property "property" in the refusal', () => {
    const kg = smallGraph();
    const error = refusedDraft(kg, { type: 'HOLDS_POSITION', from: 'person:p', to: 'police-agency:a', properties: { since: '2019' } });
    expect(error.message).toBe('createRelation: properties.since: unknown property "since" for HOLDS_POSITION (allowed: title, rank)');
  });

  it('refuses stated: false without an inference line', () => {
    const kg = smallGraph();
    const error = refusedDraft(kg, { type: 'SIGNED', from: 'person:p', to: 'agreement:m', stated: false });
    expect(error.message).toBe('createRelation: inference: an inferred fact (stated: false) needs an "inference" line saying why');
  });

  it('refuses a quote that is not in the article', () => {
    const kg = smallGraph();
    const error = refusedDraft(kg, { type: 'SIGNED', from: 'person:p', to: 'agreement:m', evidence: [{ article: 'article:mou', quote: 'signed the 8th MoU' }] });
    expect(error.message).toBe('createRelation: evidence[0]: quote "signed the 8th MoU" is not in the text of article:mou');
  });
});
