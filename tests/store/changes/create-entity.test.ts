// planCreateEntity(): a curated entity checked against the ontology, its id
// derived from kind and name or given, its cited quotes found in an Article's
// text; refusals leave the graph as it was.

import { describe, expect, it } from 'vitest';
import { AlreadyExistsError, InvalidArgumentError } from '../../../src/errors.js';
import { planCreateEntity } from '../../../src/store/changes/create-entity.js';
import { planMergeEntities } from '../../../src/store/changes/merge-entities.js';
import { entity } from '../../helpers.js';
import { actor, apply, article, graphWith, refused, snapshot } from './graph-state.js';

const TEXT = 'Senior Colonel Vu Tien Dung, Director of the Dien Bien Provincial Police Department, signed the 9th MoU with the Pu’er police in May 2019.';

function smallGraph() {
  return graphWith([
    article('article:mou', TEXT),
    entity('police-agency:dien-bien', 'PoliceAgency', 'Dien Bien Provincial Police Department', { level: 'PROVINCIAL' }),
    entity('area:dien-bien', 'Area', 'Dien Bien', { level: 'PROVINCE' }),
    entity('person:vu-tien-dung', 'Person', 'Vu Tien Dung'),
  ]);
}

const refusedInput = (kg: ReturnType<typeof smallGraph>, draft: Parameters<typeof planCreateEntity>[1]) =>
  refused(kg, () => planCreateEntity(kg, draft, actor), InvalidArgumentError, 'BAD_USER_INPUT', 'createEntity');

describe('planCreateEntity', () => {
  it('derives the id from the kind and the name when no id is given', () => {
    const kg = smallGraph();
    const change = planCreateEntity(kg, { kind: 'Person', name: 'Nguyễn Trung Thực' }, actor);
    expect(change.kind).toBe('CREATE_ENTITY');
    expect(change.ids).toEqual(['person:nguyen-trung-thuc']);
    expect(change.effects.entities.map((e) => [e.id, e.before])).toEqual([['person:nguyen-trung-thuc', null]]);
    expect(change.effects.relations).toEqual([]);
    expect(change.effects.conflicts).toEqual([]);
    expect(change.effects.redirects).toEqual([]);

    apply(kg, change);
    expect(kg.entityCount).toBe(5);
    expect(kg.graph.getNodeAttributes('person:nguyen-trung-thuc')).toEqual({
      id: 'person:nguyen-trung-thuc',
      kind: 'Person',
      name: 'Nguyễn Trung Thực',
      aliases: [],
      attributes: {},
      stated: true,
      evidence: [],
      assertedBy: { by: 'curator', at: '2026-11-23T08:00:00.000Z' },
    });
    // the indices were rebuilt: the new entity is found by kind and by name
    expect(kg.entities(['Person']).map((e) => e.id)).toEqual(['person:nguyen-trung-thuc', 'person:vu-tien-dung']);
    expect(kg.entitiesNamed('Nguyen Trung Thuc').map((e) => e.id)).toEqual(['person:nguyen-trung-thuc']);
  });

  it('uses an explicit id, checks the attributes and drops aliases that repeat the name or each other', () => {
    const kg = smallGraph();
    const change = planCreateEntity(
      kg,
      {
        kind: 'PoliceAgency',
        id: 'police-agency:puer',
        name: 'Pu’er Municipal Police Department',
        aliases: ["Pu'er Municipal Police Department", 'Pu’er police', 'PU’ER POLICE', 'Puer Public Security Bureau'],
        attributes: { level: 'MUNICIPAL' },
      },
      actor,
    );
    expect(change.ids).toEqual(['police-agency:puer']);
    apply(kg, change);
    const created = kg.getEntity('police-agency:puer');
    expect(created.name).toBe('Pu’er Municipal Police Department');
    expect(created.aliases).toEqual(['Pu’er police', 'Puer Public Security Bureau']);
    expect(created.attributes).toEqual({ level: 'MUNICIPAL' });
    expect(kg.entitiesNamed('Puer police').map((e) => e.id)).toEqual(['police-agency:puer']);
    expect(kg.entityCount).toBe(5);
    expect(kg.relationCount).toBe(0);
  });

  it('records who asserted the entity, and accepts no evidence at all', () => {
    const kg = smallGraph();
    const other = { by: 'analyst-7', at: '2027-01-02T03:04:05.000Z' };
    apply(kg, planCreateEntity(kg, { kind: 'Country', name: 'Laos', attributes: { code: 'LA' } }, other));
    expect(kg.getEntity('country:laos').assertedBy).toEqual(other);
    expect(kg.getEntity('country:laos').evidence).toEqual([]);
  });

  it('resolves a cited quote against the article text, computing start and end', () => {
    const kg = smallGraph();
    const change = planCreateEntity(kg, { kind: 'Person', name: 'Vu Tien Dung', id: 'person:dung', evidence: [{ article: 'article:mou', quote: 'Vu Tien Dung' }] }, actor);
    apply(kg, change);
    expect(kg.getEntity('person:dung').evidence).toEqual([{ article: 'article:mou', quote: 'Vu Tien Dung', start: 15, end: 27 }]);
    expect(TEXT.slice(15, 27)).toBe('Vu Tien Dung');
  });

  it('accepts offsets that point at the quote, and keeps several quotes in order', () => {
    const kg = smallGraph();
    const change = planCreateEntity(
      kg,
      {
        kind: 'PoliceAgency',
        id: 'police-agency:db2',
        name: 'Dien Bien police',
        evidence: [
          { article: 'article:mou', quote: 'Dien Bien Provincial Police Department', start: 45, end: 83 },
          { article: 'article:mou', quote: 'Director' },
        ],
      },
      actor,
    );
    apply(kg, change);
    expect(kg.getEntity('police-agency:db2').evidence).toEqual([
      { article: 'article:mou', quote: 'Dien Bien Provincial Police Department', start: 45, end: 83 },
      { article: 'article:mou', quote: 'Director', start: 29, end: 37 },
    ]);
  });

  it('keeps an inferred entity with its inference line', () => {
    const kg = smallGraph();
    apply(kg, planCreateEntity(kg, { kind: 'Area', name: 'Muong Nhe', stated: false, inference: 'a district of Dien Bien, by the map' }, actor));
    const created = kg.getEntity('area:muong-nhe');
    expect(created.stated).toBe(false);
    expect(created.inference).toBe('a district of Dien Bien, by the map');
  });

  it('leaves no inference member on a stated entity', () => {
    const kg = smallGraph();
    apply(kg, planCreateEntity(kg, { kind: 'Area', name: 'Muong Nhe' }, actor));
    expect('inference' in kg.getEntity('area:muong-nhe')).toBe(false);
  });

  it('refuses a quote that is not in the article text', () => {
    const kg = smallGraph();
    const error = refusedInput(kg, { kind: 'Person', name: 'Lo Van Pha', evidence: [{ article: 'article:mou', quote: 'Lo Van Pha' }] });
    expect(error.message).toBe('createEntity: evidence[0]: quote "Lo Van Pha" is not in the text of article:mou');
  });

  it('refuses a quote that differs from the text only in case, saying so', () => {
    const kg = smallGraph();
    const error = refusedInput(kg, { kind: 'Person', name: 'Dung', evidence: [{ article: 'article:mou', quote: 'vu tien dung' }] });
    expect(error.message).toContain('(it differs only in case, spacing or punctuation)');
  });

  it('refuses offsets that do not point at the quote', () => {
    const kg = smallGraph();
    const error = refusedInput(kg, { kind: 'Person', name: 'Dung', evidence: [{ article: 'article:mou', quote: 'Vu Tien Dung', start: 0, end: 12 }] });
    expect(error.message).toBe('createEntity: evidence[0]: quote "Vu Tien Dung" is not at 0..12 of article:mou; it first occurs at 15..27');
  });

  it('refuses a quote of an unknown article', () => {
    const kg = smallGraph();
    const error = refusedInput(kg, { kind: 'Person', name: 'Dung', evidence: [{ article: 'article:nowhere', quote: 'Vu Tien Dung' }] });
    expect(error.message).toBe('createEntity: evidence[0].article: no article has the id "article:nowhere"');
  });

  it('refuses evidence that cites something other than an article', () => {
    const kg = smallGraph();
    const error = refusedInput(kg, { kind: 'Person', name: 'Dung', evidence: [{ article: 'person:vu-tien-dung', quote: 'Vu Tien Dung' }] });
    expect(error.message).toContain('evidence[0].article: evidence cites an article id, which starts with "article:"');
  });

  it('refuses an attribute value outside the ontology', () => {
    const kg = smallGraph();
    const error = refusedInput(kg, { kind: 'Area', name: 'Lai Chau', attributes: { level: 'COUNTY' } });
    expect(error.message).toMatch(/^createEntity: attributes\.level: unknown value "COUNTY".*expected one of PROVINCE, REGION, CITY, DISTRICT$/);
  });

  it('refuses an attribute the kind does not have', () => {
    const kg = smallGraph();
    const error = refusedInput(kg, { kind: 'Area', name: 'Lai Chau', attributes: { population: 460000 } });
    expect(error.message).toBe('createEntity: attributes.population: unknown attribute "population" for Area (allowed: level)');
  });

  it('refuses an entity without an attribute its kind requires', () => {
    const kg = smallGraph();
    const error = refusedInput(kg, { kind: 'Country', name: 'Laos' });
    expect(error.message).toContain('Country needs the attribute "code"');
  });

  it('reports every problem of the input in one error', () => {
    const kg = smallGraph();
    const error = refusedInput(kg, { kind: 'Area', name: 'Lai Chau', attributes: { level: 'COUNTY', population: 1 } });
    expect(error.message).toContain('attributes.level: unknown value "COUNTY"');
    expect(error.message).toContain('attributes.population: unknown attribute "population"');
  });

  it('refuses an id whose prefix does not fit the kind', () => {
    const kg = smallGraph();
    const error = refusedInput(kg, { kind: 'Area', id: 'person:lai-chau', name: 'Lai Chau' });
    expect(error.message).toBe('createEntity: id: id "person:lai-chau" does not fit kind Area: it must start with "area:"');
  });

  it('refuses an id that is not shaped like an id', () => {
    const kg = smallGraph();
    const error = refusedInput(kg, { kind: 'Area', id: 'Lai Chau', name: 'Lai Chau' });
    expect(error.message).toContain('id: "Lai Chau" is not an id like "kind-prefix:readable-name"');
  });

  it('refuses an unknown kind', () => {
    const kg = smallGraph();
    const error = refusedInput(kg, { kind: 'Province' as never, name: 'Lai Chau' });
    expect(error.message).toContain('kind: unknown kind "Province"');
  });

  it('refuses an empty name', () => {
    const kg = smallGraph();
    refusedInput(kg, { kind: 'Person', id: 'person:nobody', name: '   ' });
  });

  it('refuses kind Article, which enters through ingestion', () => {
    const kg = smallGraph();
    const error = refusedInput(kg, { kind: 'Article', name: 'An article', attributes: { title: 'An article', publishedOn: '2019', text: 'Text.' } });
    expect(error.message).toBe('createEntity: kind: articles enter the graph through ingestArticle, not createEntity');
  });

  it('refuses stated: false without an inference line', () => {
    const kg = smallGraph();
    const error = refusedInput(kg, { kind: 'Person', name: 'Lo Van Pha', stated: false });
    expect(error.message).toBe('createEntity: inference: an inferred fact (stated: false) needs an "inference" line saying why');
  });

  it('refuses an inference line on a stated entity', () => {
    const kg = smallGraph();
    const error = refusedInput(kg, { kind: 'Person', name: 'Lo Van Pha', inference: 'guessed' });
    expect(error.message).toBe('createEntity: stated: a fact with an "inference" must be stated: false');
  });

  it('refuses an id that exists already, given or derived', () => {
    const kg = smallGraph();
    const given = refused(
      kg,
      () => planCreateEntity(kg, { kind: 'Area', id: 'area:dien-bien', name: 'Điện Biên' }, actor),
      AlreadyExistsError,
      'ALREADY_EXISTS',
      'createEntity',
    );
    expect(given.message).toBe('createEntity: an entity with the id "area:dien-bien" exists already');
    const derived = refused(kg, () => planCreateEntity(kg, { kind: 'Person', name: 'Vũ Tiến Dũng' }, actor), AlreadyExistsError, 'ALREADY_EXISTS', 'createEntity');
    expect(derived.message).toBe('createEntity: an entity with the id "person:vu-tien-dung" exists already');
  });

  it('refuses the id of an entity merged into another, naming that entity', () => {
    const kg = smallGraph();
    apply(kg, planCreateEntity(kg, { kind: 'Person', id: 'person:dung', name: 'Dung' }, actor));
    apply(kg, planMergeEntities(kg, 'person:vu-tien-dung', 'person:dung'));
    const before = snapshot(kg);
    const error = refused(kg, () => planCreateEntity(kg, { kind: 'Person', id: 'person:dung', name: 'Dung' }, actor), AlreadyExistsError, 'ALREADY_EXISTS', 'createEntity');
    expect(error.message).toBe('createEntity: "person:dung" was merged into "person:vu-tien-dung"; unmerge it, or choose another id');
    expect(snapshot(kg)).toEqual(before);
  });

  it('does not touch the graph while planning', () => {
    const kg = smallGraph();
    const before = snapshot(kg);
    const revision = kg.revision;
    planCreateEntity(kg, { kind: 'Person', name: 'Lo Van Pha' }, actor);
    expect(snapshot(kg)).toEqual(before);
    expect(kg.revision).toBe(revision);
    expect(kg.hasEntity('person:lo-van-pha')).toBe(false);
  });
});
