// planIngestArticle(): an article and its facts join the graph; an entity or
// relation the graph holds gains evidence and aliases; an attribute given
// another value becomes a conflict `conflict:<id>#<attr>` keeping both claims;
// relations to unknown ends and an article held already are refused.
//
//   held:  police-agency:a --PARTY_TO--> agreement:m;  person:p --HOLDS_POSITION (inferred)--> police-agency:a
//   read:  person:p (rank differs), police-agency:pe and person:ma (new),
//          person:p --SIGNED {onBehalfOf: a}--> agreement:m, police-agency:pe --PARTY_TO--> agreement:m,
//          police-agency:a --PARTY_TO--> agreement:m (held), person:p --HOLDS_POSITION (stated)--> police-agency:a (held)

import { describe, expect, it } from 'vitest';
import { AlreadyExistsError, CoopgraphError, InvalidArgumentError, NotFoundError } from '../../../src/errors.js';
import { relationId, type ConflictRecord, type EntityRecord, type Evidence, type Kind, type RelationRecord, type RelationType } from '../../../src/ontology/index.js';
import { planIngestArticle, type ArticleFacts } from '../../../src/store/changes/ingest-article.js';
import { planMergeEntities } from '../../../src/store/changes/merge-entities.js';
import { entity, relation } from '../../helpers.js';
import { apply, article, graphWith, quoted, refused, snapshot } from './graph-state.js';

const PLACEHOLDER = { article: 'article:test', quote: 'test', start: 0, end: 4 };
const TEXT =
  'Senior Colonel Vu Tien Dung, Director of the Dien Bien police, and Ma Shuliang of the Pu’er Municipal Police Department signed the 9th MoU.';

function heldGraph(conflicts: ConflictRecord[] = []) {
  return graphWith(
    [
      entity('person:p', 'Person', 'Vu Tien Dung', { rank: 'Colonel' }),
      entity('police-agency:a', 'PoliceAgency', 'Dien Bien Provincial Police Department', { level: 'PROVINCIAL' }),
      entity('agreement:m', 'Agreement', '9th MoU', { agreementType: 'MOU' }),
    ],
    [relation('PARTY_TO', 'police-agency:a', 'agreement:m'), relation('HOLDS_POSITION', 'person:p', 'police-agency:a', {}, false)],
    conflicts,
  );
}

/** An entity read from the article `articleId`, its evidence quoting `quotes` in `text`. */
function read(articleId: string, text: string, id: string, kind: Kind, name: string, attributes: Record<string, unknown>, quotes: string[], aliases: string[] = []): EntityRecord {
  return { id, kind, name, aliases, attributes, stated: true, confidence: 0.9, evidence: quotes.map((q) => quoted(articleId, text, q)) };
}

function readRelation(articleId: string, text: string, type: RelationType, from: string, to: string, quote: string, properties: Record<string, unknown> = {}): RelationRecord {
  return { id: relationId(type, from, to), type, from, to, properties, stated: true, confidence: 0.8, evidence: [quoted(articleId, text, quote)] };
}

const ev = (quote: string): Evidence => quoted('article:new', TEXT, quote);

function facts(): ArticleFacts {
  const r = (type: RelationType, from: string, to: string, quote: string, properties: Record<string, unknown> = {}) =>
    readRelation('article:new', TEXT, type, from, to, quote, properties);
  return {
    article: article('article:new', TEXT),
    entities: [
      read('article:new', TEXT, 'person:p', 'Person', 'Dung', { rank: 'Senior Colonel', nationality: 'VN' }, ['Senior Colonel Vu Tien Dung'], ['Vu Tien Dung', 'Senior Colonel Dung']),
      read('article:new', TEXT, 'police-agency:pe', 'PoliceAgency', 'Pu’er Municipal Police Department', { level: 'MUNICIPAL' }, ['Pu’er Municipal Police Department']),
      read('article:new', TEXT, 'person:ma', 'Person', 'Ma Shuliang', {}, ['Ma Shuliang']),
    ],
    relations: [
      r('SIGNED', 'person:p', 'agreement:m', 'signed the 9th MoU', { onBehalfOf: 'police-agency:a' }),
      r('PARTY_TO', 'police-agency:pe', 'agreement:m', 'Pu’er Municipal Police Department signed'),
      r('PARTY_TO', 'police-agency:a', 'agreement:m', 'Dien Bien police'),
      r('HOLDS_POSITION', 'person:p', 'police-agency:a', 'Director of the Dien Bien police', { title: 'Director' }),
    ],
    conflicts: [],
  };
}

/** A second article about person:p alone, giving it `rank`. */
function rankArticle(id: string, rank: string): ArticleFacts {
  const text = `${rank} Vu Tien Dung spoke at the meeting.`;
  return {
    article: article(id, text, `Meeting ${id}`),
    entities: [read(id, text, 'person:p', 'Person', 'Vu Tien Dung', { rank }, [`${rank} Vu Tien Dung`])],
    relations: [],
    conflicts: [],
  };
}

const refusedIngest = (kg: ReturnType<typeof heldGraph>, f: ArticleFacts, errorClass: typeof InvalidArgumentError | typeof NotFoundError, code: string) =>
  refused(kg, () => planIngestArticle(kg, f), errorClass, code as CoopgraphError['code'], 'ingestArticle');

describe('planIngestArticle', () => {
  it('adds the article and the entities and relations the graph does not hold', () => {
    const kg = heldGraph();
    const f = facts();
    const change = planIngestArticle(kg, f);
    expect(change.kind).toBe('INGEST_ARTICLE');
    expect(change.ids).toEqual(['article:new']);
    expect('idempotencyKey' in change).toBe(false);
    expect(change.effects.entities[0]).toEqual({ id: 'article:new', before: null, after: f.article });

    apply(kg, change);
    expect(kg.entityCount).toBe(6);
    expect(kg.graph.getNodeAttributes('article:new')).toEqual(f.article);
    expect(kg.graph.getNodeAttributes('police-agency:pe')).toEqual(f.entities[1]);
    expect(kg.graph.getNodeAttributes('person:ma')).toEqual(f.entities[2]);
    expect(kg.findRelation('SIGNED:person:p->agreement:m')).toEqual(f.relations[0]);
    expect(kg.findRelation('PARTY_TO:police-agency:pe->agreement:m')).toEqual(f.relations[1]);
    expect(kg.relationCount).toBe(4);
    expect(kg.entities(['Article']).map((e) => e.id)).toEqual(['article:new']);
  });

  it('carries the idempotency key', () => {
    const kg = heldGraph();
    expect(planIngestArticle(kg, facts(), 'key-1').idempotencyKey).toBe('key-1');
  });

  it('gives an entity the graph holds the new evidence, aliases and missing attributes', () => {
    const kg = heldGraph();
    apply(kg, planIngestArticle(kg, facts()));
    expect(kg.graph.getNodeAttributes('person:p')).toEqual({
      id: 'person:p',
      kind: 'Person',
      name: 'Vu Tien Dung',
      aliases: ['Dung', 'Senior Colonel Dung'],
      // the value held stays on the entity; the other one goes to a conflict
      attributes: { rank: 'Colonel', nationality: 'VN' },
      stated: true,
      evidence: [PLACEHOLDER, ev('Senior Colonel Vu Tien Dung')],
    });
    expect(kg.entitiesNamed('senior colonel dung').map((e) => e.id)).toEqual(['person:p']);
  });

  it('records a differing attribute value as a conflict with both claims', () => {
    const kg = heldGraph();
    const change = planIngestArticle(kg, facts());
    expect(change.effects.conflicts.map((c) => [c.id, c.before])).toEqual([['conflict:person:p#rank', null]]);
    apply(kg, change);
    const expected: ConflictRecord = {
      id: 'conflict:person:p#rank',
      about: ['person:p'],
      property: 'rank',
      note: 'sources disagree on "rank"; the first value read is shown on the entity',
      claims: [
        { value: 'Colonel', evidence: [PLACEHOLDER] },
        { value: 'Senior Colonel', evidence: [ev('Senior Colonel Vu Tien Dung')] },
      ],
    };
    expect(kg.conflicts()).toEqual([expected]);
    expect(kg.conflicts('person:p')).toEqual([expected]);
  });

  it('joins a later claim of a value to its claim, adds a third value, and leaves the conflict alone for the value held', () => {
    const kg = heldGraph();
    apply(kg, planIngestArticle(kg, rankArticle('article:two', 'Senior Colonel')));
    apply(kg, planIngestArticle(kg, rankArticle('article:three', 'Senior Colonel')));
    apply(kg, planIngestArticle(kg, rankArticle('article:four', 'Major General')));
    const held = kg.conflicts()[0];
    apply(kg, planIngestArticle(kg, rankArticle('article:five', 'Colonel')));
    expect(kg.conflicts()).toHaveLength(1);
    expect(kg.conflicts()[0]).toEqual(held);
    expect(held!.claims.map((c) => [c.value, c.evidence.map((e) => e.article)])).toEqual([
      ['Colonel', ['article:test']],
      ['Senior Colonel', ['article:two', 'article:three']],
      ['Major General', ['article:four']],
    ]);
    expect(kg.getEntity('person:p').attributes).toEqual({ rank: 'Colonel' });
    expect(kg.getEntity('person:p').evidence.map((e) => e.article)).toEqual(['article:test', 'article:two', 'article:three', 'article:four', 'article:five']);
  });

  it('gives a relation the graph holds the new evidence, keeps its properties and makes it stated', () => {
    const kg = heldGraph();
    apply(kg, planIngestArticle(kg, facts()));
    expect(kg.findRelation('PARTY_TO:police-agency:a->agreement:m')?.evidence).toEqual([PLACEHOLDER, ev('Dien Bien police')]);
    const holds = kg.findRelation('HOLDS_POSITION:person:p->police-agency:a')!;
    expect(holds).toMatchObject({ stated: true, properties: { title: 'Director' }, evidence: [PLACEHOLDER, ev('Director of the Dien Bien police')] });
    expect('inference' in holds).toBe(false);
    expect('confidence' in holds).toBe(false);
  });

  it('keeps the property value held over the one read', () => {
    const kg = graphWith(
      [entity('police-agency:a', 'PoliceAgency', 'A'), entity('event:e', 'Event', 'Meeting', { eventType: 'MEETING' })],
      [relation('PARTICIPATED_IN', 'police-agency:a', 'event:e', { role: 'HOST' })],
    );
    const text = 'A was a guest at the meeting.';
    const f: ArticleFacts = {
      article: article('article:x', text),
      entities: [],
      relations: [readRelation('article:x', text, 'PARTICIPATED_IN', 'police-agency:a', 'event:e', 'a guest', { role: 'GUEST' })],
      conflicts: [],
    };
    apply(kg, planIngestArticle(kg, f));
    expect(kg.findRelation('PARTICIPATED_IN:police-agency:a->event:e')?.properties).toEqual({ role: 'HOST' });
  });

  it('adds the conflicts the article brings, appending claims to one the graph holds', () => {
    const claim = (value: string, quote: string) => ({ value, evidence: [ev(quote)] });
    const heldConflict: ConflictRecord = { id: 'conflict:count', about: ['agreement:m'], property: 'ordinal', claims: [{ value: '8', evidence: [PLACEHOLDER] }] };
    const kg = heldGraph([heldConflict]);
    const f = facts();
    f.conflicts = [
      { id: 'conflict:count', about: ['agreement:m'], property: 'ordinal', claims: [claim('9', '9th MoU')] },
      { id: 'conflict:new', about: ['person:ma'], property: 'nationality', claims: [claim('CN', 'Pu’er')] },
    ];
    apply(kg, planIngestArticle(kg, f));
    expect(kg.conflicts().find((c) => c.id === 'conflict:count')).toEqual({ ...heldConflict, claims: [...heldConflict.claims, claim('9', '9th MoU')] });
    expect(kg.conflicts('person:ma').map((c) => c.id)).toEqual(['conflict:new']);
  });

  it('refuses a relation to an end neither the graph nor the article holds', () => {
    const kg = heldGraph();
    const f = facts();
    f.relations.push(readRelation('article:new', TEXT, 'SIGNED', 'person:ma', 'agreement:zz', 'signed the 9th MoU'));
    const error = refusedIngest(kg, f, NotFoundError, 'NOT_FOUND');
    expect(error.message).toMatch(/^ingestArticle: no entity has the id "agreement:zz"/);
  });

  it('refuses an onBehalfOf naming no entity', () => {
    const kg = heldGraph();
    const f = facts();
    f.relations[0]!.properties = { onBehalfOf: 'police-agency:nowhere' };
    refusedIngest(kg, f, NotFoundError, 'NOT_FOUND');
  });

  it('refuses a relation whose ends are of kinds its type does not allow', () => {
    const kg = heldGraph();
    const f = facts();
    f.relations.push(readRelation('article:new', TEXT, 'SIGNED', 'police-agency:pe', 'agreement:m', 'signed the 9th MoU'));
    const error = refusedIngest(kg, f, InvalidArgumentError, 'BAD_USER_INPUT');
    expect(error.message).toBe('ingestArticle: SIGNED cannot go from a PoliceAgency to a Agreement (allowed: Person → Agreement)');
  });

  it('reads a relation to a merged id as a relation to the entity kept', () => {
    const kg = heldGraph();
    apply(kg, planIngestArticle(kg, facts()));
    apply(kg, planMergeEntities(kg, 'person:p', 'person:ma'));
    const text = 'Ma Shuliang signed the 9th MoU.';
    const f: ArticleFacts = { article: article('article:y', text), entities: [], relations: [readRelation('article:y', text, 'SIGNED', 'person:ma', 'agreement:m', 'signed')], conflicts: [] };
    apply(kg, planIngestArticle(kg, f));
    expect(kg.findRelation('SIGNED:person:p->agreement:m')?.evidence.map((e) => e.article)).toContain('article:y');
    expect(kg.findRelation('SIGNED:person:ma->agreement:m')).toBeNull();
  });

  // a merged id is not a node: the article's entity with that id is the entity kept
  it('does not bring back an entity merged into another', () => {
    const kg = heldGraph();
    apply(kg, planIngestArticle(kg, facts()));
    apply(kg, planMergeEntities(kg, 'person:p', 'person:ma'));
    const f = rankArticle('article:z', 'Colonel');
    f.entities[0] = { ...f.entities[0]!, id: 'person:ma', name: 'Ma Shuliang', attributes: {} };
    let change;
    try {
      change = planIngestArticle(kg, f);
    } catch (error) {
      expect(error).toBeInstanceOf(CoopgraphError);
      return;
    }
    apply(kg, change);
    expect(kg.graph.hasNode('person:ma')).toBe(false);
    expect(kg.findEntity('person:ma')?.id).toBe('person:p');
  });

  it('accepts relations between entities the same article adds', () => {
    const kg = heldGraph();
    const f = facts();
    f.relations.push(readRelation('article:new', TEXT, 'HOLDS_POSITION', 'person:ma', 'police-agency:pe', 'Ma Shuliang of the Pu’er'));
    apply(kg, planIngestArticle(kg, f));
    expect(kg.relationsOf('person:ma').map((r) => r.id)).toEqual(['HOLDS_POSITION:person:ma->police-agency:pe']);
  });

  it('refuses an article the graph holds already', () => {
    const kg = heldGraph();
    apply(kg, planIngestArticle(kg, facts()));
    const error = refused(kg, () => planIngestArticle(kg, facts()), AlreadyExistsError, 'ALREADY_EXISTS', 'ingestArticle');
    expect(error.message).toBe('ingestArticle: the graph holds "article:new" already');
  });

  it('refuses an article record without text, or that is no article', () => {
    const kg = heldGraph();
    const f = facts();
    const { text: _text, ...attributes } = f.article.attributes;
    const noText = refusedIngest(kg, { ...f, article: { ...f.article, attributes } }, InvalidArgumentError, 'BAD_USER_INPUT');
    expect(noText.message).toBe('ingestArticle: the article record has no text');
    refusedIngest(kg, { ...f, article: { ...f.article, kind: 'Event' } }, InvalidArgumentError, 'BAD_USER_INPUT');
  });

  it('refuses an entity whose kind differs from the one the graph holds', () => {
    const kg = heldGraph();
    const f = facts();
    f.entities[0] = { ...f.entities[0]!, kind: 'PoliceAgency', attributes: {} };
    const error = refusedIngest(kg, f, InvalidArgumentError, 'BAD_USER_INPUT');
    expect(error.message).toBe('ingestArticle: "person:p" is a Person in the graph but a PoliceAgency in the article');
  });

  it('does not touch the graph while planning', () => {
    const kg = heldGraph();
    const before = snapshot(kg);
    planIngestArticle(kg, facts());
    expect(snapshot(kg)).toEqual(before);
  });
});
