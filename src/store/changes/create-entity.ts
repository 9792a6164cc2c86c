// createEntity: a curated entity, checked against the ontology, its cited
// quotes against their articles; it records who asserted it.

import { AlreadyExistsError } from '../../errors.js';
import { entityId, KINDS, uniqueNames, type EntityRecord, type Kind } from '../../ontology/index.js';
import { curatedEntity } from '../../ontology/record-schema.js';
import type { KnowledgeGraph } from '../knowledge-graph.js';
import { parseInput, resolveCitations, type Actor } from './checks.js';
import { noEffects, type Change } from './effects.js';

export interface EntityDraft {
  kind: Kind;
  /** default: derived from the kind and the name, `person:nguyen-trung-thuc` */
  id?: string;
  name: string;
  aliases?: string[];
  attributes?: Record<string, unknown>;
  stated?: boolean;
  inference?: string;
  evidence?: unknown[];
}

export function planCreateEntity(kg: KnowledgeGraph, draft: EntityDraft, actor: Actor): Change {
  const operation = 'createEntity';
  const kind = draft.kind in KINDS ? draft.kind : undefined;
  const id = draft.id ?? (kind && typeof draft.name === 'string' ? entityId(kind, draft.name) : '');
  const input = parseInput(operation, curatedEntity, { ...draft, id });
  if (kg.graph.hasNode(input.id)) throw new AlreadyExistsError(`${operation}: an entity with the id "${input.id}" exists already`);
  if (kg.redirectOf(input.id)) {
    throw new AlreadyExistsError(`${operation}: "${input.id}" was merged into "${kg.resolveId(input.id)}"; unmerge it, or choose another id`);
  }
  const { inference, evidence, ...rest } = input;
  const entity: EntityRecord = {
    ...rest,
    aliases: uniqueNames(input.aliases, input.name),
    ...(inference ? { inference } : {}),
    evidence: resolveCitations(kg, evidence, operation),
    assertedBy: actor,
  };
  return { kind: 'CREATE_ENTITY', ids: [entity.id], effects: { ...noEffects(), entities: [{ id: entity.id, before: null, after: entity }] } };
}
