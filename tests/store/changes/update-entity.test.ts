// planUpdateEntity(): a curator's patch of name, aliases, attributes (null
// removes one), stated flag and inference, and added evidence; articles,
// empty patches, unknown and merged ids are refused.

import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, NotFoundError } from '../../../src/errors.js';
import type { EntityRecord } from '../../../src/ontology/index.js';
import { planMergeEntities } from '../../../src/store/changes/merge-entities.js';
import { planUpdateEntity, type EntityPatch } from '../../../src/store/changes/update-entity.js';
import { entity, relation } from '../../helpers.js';
import { apply, article, graphWith, quoted, refused } from './graph-state.js';

const TEXT = 'Senior Colonel Vu Tien Dung, Director of the Dien Bien Provincial Police Department, met Colonel Ma Shuliang of the Pu’er police.';
const PLACEHOLDER = { article: 'article:test', quote: 'test', start: 0, end: 4 };

function smallGraph() {
  const guessed: EntityRecord = { ...entity('person:ma', 'Person', 'Ma Shuliang', { nationality: 'CN' }), stated: false, inference: 'named with the Pu’er police' };
  return graphWith(
    [
      article('article:meeting', TEXT),
      entity('person:dung', 'Person', 'Vu Tien Dung', { rank: 'Colonel', nationality: 'VN' }, ['Dung']),
      guessed,
      entity('police-agency:db', 'PoliceAgency', 'Dien Bien Provincial Police Department', { level: 'PROVINCIAL' }),
    ],
    [relation('HOLDS_POSITION', 'person:dung', 'police-agency:db', { title: 'Director' })],
  );
}

const refusedPatch = (kg: ReturnType<typeof smallGraph>, id: string, patch: EntityPatch) =>
  refused(kg, () => planUpdateEntity(kg, id, patch), InvalidArgumentError, 'BAD_USER_INPUT', 'updateEntity');

describe('planUpdateEntity', () => {
  it('changes the name, replaces the aliases, and sets or removes attributes', () => {
    const kg = smallGraph();
    const before = kg.getEntity('person:dung');
    const change = planUpdateEntity(kg, 'person:dung', {
      name: 'Vũ Tiến Dũng',
      aliases: ['Vu Tien Dung', 'Mr Dung', 'vu tien dung', 'mr. dung'],
      attributes: { rank: 'Senior Colonel', nationality: null },
    });
    expect(change.kind).toBe('UPDATE_ENTITY');
    expect(change.ids).toEqual(['person:dung']);
    expect(change.effects.entities).toHaveLength(1);
    expect(change.effects.entities[0]!.before).toEqual(before);

    apply(kg, change);
    expect(kg.graph.getNodeAttributes('person:dung')).toEqual({
      id: 'person:dung',
      kind: 'Person',
      name: 'Vũ Tiến Dũng',
      // the old name matches the new one by the naming rule, so it is no alias
      aliases: ['Mr Dung'],
      attributes: { rank: 'Senior Colonel' },
      stated: true,
      evidence: [PLACEHOLDER],
    });
    expect(kg.entitiesNamed('mr dung').map((e) => e.id)).toEqual(['person:dung']);
    expect(kg.entitiesNamed('Dung')).toEqual([]);
    // relations and other entities are untouched
    expect(kg.relationCount).toBe(1);
    expect(kg.findRelation('HOLDS_POSITION:person:dung->police-agency:db')?.properties).toEqual({ title: 'Director' });
    expect(kg.entityCount).toBe(4);
  });

  it('keeps what the patch leaves out', () => {
    const kg = smallGraph();
    apply(kg, planUpdateEntity(kg, 'person:dung', { attributes: { rank: 'Senior Colonel' } }));
    const after = kg.getEntity('person:dung');
    expect(after.name).toBe('Vu Tien Dung');
    expect(after.aliases).toEqual(['Dung']);
    expect(after.attributes).toEqual({ rank: 'Senior Colonel', nationality: 'VN' });
    expect(after.evidence).toEqual([PLACEHOLDER]);
  });

  it('ignores null for an attribute the entity does not have', () => {
    const kg = smallGraph();
    apply(kg, planUpdateEntity(kg, 'person:ma', { attributes: { rank: null } }));
    expect(kg.getEntity('person:ma').attributes).toEqual({ nationality: 'CN' });
  });

  it('drops the inference line when the entity becomes stated', () => {
    const kg = smallGraph();
    apply(kg, planUpdateEntity(kg, 'person:ma', { stated: true }));
    const after = kg.graph.getNodeAttributes('person:ma');
    expect(after.stated).toBe(true);
    expect('inference' in after).toBe(false);
  });

  it('replaces the inference line of an inferred entity', () => {
    const kg = smallGraph();
    apply(kg, planUpdateEntity(kg, 'person:ma', { inference: 'the only Ma at the meeting' }));
    expect(kg.getEntity('person:ma')).toMatchObject({ stated: false, inference: 'the only Ma at the meeting' });
  });

  it('makes a stated entity inferred when given a reason', () => {
    const kg = smallGraph();
    apply(kg, planUpdateEntity(kg, 'person:dung', { stated: false, inference: 'the rank is read from a photo caption' }));
    expect(kg.getEntity('person:dung')).toMatchObject({ stated: false, inference: 'the rank is read from a photo caption' });
  });

  it('refuses to make an entity inferred without a reason', () => {
    const kg = smallGraph();
    const error = refusedPatch(kg, 'person:dung', { stated: false });
    expect(error.message).toContain('inference: an inferred fact (stated: false) needs an "inference" line');
  });

  it('refuses to remove the inference line of an inferred entity', () => {
    const kg = smallGraph();
    refusedPatch(kg, 'person:ma', { inference: null });
  });

  it('appends added evidence, with offsets found in the article, after the evidence held', () => {
    const kg = smallGraph();
    apply(kg, planUpdateEntity(kg, 'person:dung', { addEvidence: [{ article: 'article:meeting', quote: 'Senior Colonel Vu Tien Dung' }] }));
    expect(kg.getEntity('person:dung').evidence).toEqual([PLACEHOLDER, { article: 'article:meeting', quote: 'Senior Colonel Vu Tien Dung', start: 0, end: 27 }]);
  });

  it('does not add evidence the entity holds already', () => {
    const kg = smallGraph();
    const quote = { article: 'article:meeting', quote: 'Vu Tien Dung' };
    apply(kg, planUpdateEntity(kg, 'person:dung', { addEvidence: [quote] }));
    const once = kg.getEntity('person:dung').evidence;
    expect(once).toEqual([PLACEHOLDER, quoted('article:meeting', TEXT, 'Vu Tien Dung')]);
    apply(kg, planUpdateEntity(kg, 'person:dung', { addEvidence: [quote, { ...quote, start: 15, end: 27 }] }));
    expect(kg.getEntity('person:dung').evidence).toEqual(once);
  });

  // joinEvidence only checks the added quotes against the evidence held,
  // not against each other, so one patch citing a place twice stores it twice
  it('does not add the same quote twice when one patch cites it twice', () => {
    const kg = smallGraph();
    const quote = { article: 'article:meeting', quote: 'Ma Shuliang' };
    apply(kg, planUpdateEntity(kg, 'person:ma', { addEvidence: [quote, quote] }));
    expect(kg.getEntity('person:ma').evidence).toEqual([PLACEHOLDER, quoted('article:meeting', TEXT, 'Ma Shuliang')]);
  });

  it('refuses added evidence whose quote is not in the article', () => {
    const kg = smallGraph();
    const error = refusedPatch(kg, 'person:dung', { addEvidence: [{ article: 'article:meeting', quote: 'General Dung' }] });
    expect(error.message).toBe('updateEntity: evidence[0]: quote "General Dung" is not in the text of article:meeting');
  });

  it('refuses added evidence of an unknown article', () => {
    const kg = smallGraph();
    const error = refusedPatch(kg, 'person:dung', { addEvidence: [{ article: 'article:other', quote: 'Dung' }] });
    expect(error.message).toBe('updateEntity: evidence[0].article: no article has the id "article:other"');
  });

  it('refuses added evidence that is not a quote', () => {
    const kg = smallGraph();
    refusedPatch(kg, 'person:dung', { addEvidence: [{ article: 'article:meeting' }] });
  });

  it('refuses an attribute value outside the ontology', () => {
    const kg = smallGraph();
    const error = refusedPatch(kg, 'person:dung', { attributes: { nationality: 'Vietnam' } });
    expect(error.message).toBe('updateEntity: attributes.nationality: expected an ISO 3166-1 alpha-2 code such as "VN"');
  });

  it('refuses an attribute the kind does not have', () => {
    const kg = smallGraph();
    const error = refusedPatch(kg, 'police-agency:db', { attributes: { rank: 'Colonel' } });
    expect(error.message).toContain('attributes.rank: unknown attribute "rank" for PoliceAgency');
  });

  it('refuses to remove an attribute the kind requires', () => {
    const kg = graphWith([entity('country:vn', 'Country', 'Vietnam', { code: 'VN' })]);
    const error = refused(kg, () => planUpdateEntity(kg, 'country:vn', { attributes: { code: null } }), InvalidArgumentError, 'BAD_USER_INPUT', 'updateEntity');
    expect(error.message).toContain('Country needs the attribute "code"');
  });

  it('refuses an empty name', () => {
    const kg = smallGraph();
    refusedPatch(kg, 'person:dung', { name: ' ' });
  });

  it('refuses to change an article', () => {
    const kg = smallGraph();
    const error = refusedPatch(kg, 'article:meeting', { name: 'Another title' });
    expect(error.message).toBe('updateEntity: articles change only by ingestion ("article:meeting" is an article)');
  });

  it('refuses a patch that changes nothing', () => {
    const kg = smallGraph();
    expect(refusedPatch(kg, 'person:dung', {}).message).toBe('updateEntity: nothing to change for "person:dung"');
    refusedPatch(kg, 'person:dung', { name: undefined, attributes: undefined });
  });

  it('refuses an unknown id with NOT_FOUND, suggesting a close one', () => {
    const kg = smallGraph();
    const error = refused(kg, () => planUpdateEntity(kg, 'person:dungg', { name: 'X' }), NotFoundError, 'NOT_FOUND', 'updateEntity');
    expect(error.message).toBe('updateEntity: no entity has the id "person:dungg" (did you mean "person:dung"?)');
  });

  it('refuses a merged id with NOT_FOUND, naming the entity it was merged into', () => {
    const kg = smallGraph();
    apply(kg, planMergeEntities(kg, 'person:dung', 'person:ma'));
    const error = refused(kg, () => planUpdateEntity(kg, 'person:ma', { name: 'Ma' }), NotFoundError, 'NOT_FOUND', 'updateEntity');
    expect(error.message).toBe('updateEntity: "person:ma" was merged into "person:dung"; use that id (or unmergeEntity)');
  });

  it('keeps who asserted the entity', () => {
    const asserted = { ...entity('person:x', 'Person', 'X'), evidence: [], assertedBy: { by: 'ed', at: '2026-01-01T00:00:00.000Z' } };
    const kg = graphWith([asserted]);
    apply(kg, planUpdateEntity(kg, 'person:x', { aliases: ['Mr X'] }));
    expect(kg.getEntity('person:x')).toEqual({ ...asserted, aliases: ['Mr X'] });
  });
});
