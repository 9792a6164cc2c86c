import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/errors.js';
import { smallGraph } from './small-graph.js';

const kg = smallGraph();

describe('KnowledgeGraph', () => {
  it('counts and lists entities by kind, sorted by id', () => {
    expect(kg.entityCount).toBe(11);
    expect(kg.relationCount).toBe(11);
    expect(kg.entities(['PoliceAgency']).map((e) => e.id)).toEqual(['police-agency:a', 'police-agency:b', 'police-agency:c']);
    expect(kg.entities(['Person', 'Country']).map((e) => e.id)).toEqual(['country:cn', 'country:vn', 'person:p', 'person:q']);
  });

  it('finds null for an unknown id and throws NotFoundError from get, with a suggestion', () => {
    expect(kg.findEntity('person:x')).toBeNull();
    expect(() => kg.getEntity('person:pp', 'node')).toThrow(NotFoundError);
    expect(() => kg.getEntity('person:pp', 'node')).toThrow('node: no entity has the id "person:pp" (did you mean "person:p"?)');
  });

  it('gives the relations of an entity by direction and type', () => {
    expect(kg.relationsOf('police-agency:a', 'OUT').map((r) => r.type).sort()).toEqual(['HAS_JURISDICTION', 'PARTICIPATED_IN', 'PARTY_TO']);
    expect(kg.relationsOf('police-agency:a', 'IN').map((r) => r.type)).toEqual(['HOLDS_POSITION']);
    expect(kg.relationsOf('police-agency:a', 'ANY', ['PARTY_TO', 'HOLDS_POSITION'])).toHaveLength(2);
    expect(kg.related('agreement:m', 'PARTY_TO', 'IN').map((e) => e.id)).toEqual(['police-agency:a', 'police-agency:b']);
  });

  it('finds entities by name and alias, ignoring case, diacritics and apostrophes', () => {
    expect(kg.entitiesNamed('dien bien').map((e) => e.id)).toEqual(['area:a']);
    expect(kg.entitiesNamed("Pu'er").map((e) => e.id)).toEqual(['area:b']);
    expect(kg.entitiesNamed('DIEN BIEN POLICE').map((e) => e.id)).toEqual(['police-agency:a']);
    expect(kg.entitiesNamed('nowhere')).toEqual([]);
  });

  it('lists relations of some types, sorted by id', () => {
    expect(kg.relations(['LOCATED_IN']).map((r) => r.id)).toEqual(['LOCATED_IN:area:a->country:vn', 'LOCATED_IN:area:b->country:cn']);
    expect(kg.countRelations('PARTY_TO')).toBe(2);
  });
});
