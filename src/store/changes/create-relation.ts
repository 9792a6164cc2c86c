// createRelation: a curated relation, its ends and properties checked
// against the ontology; it records who asserted it.

import { AlreadyExistsError } from '../../errors.js';
import { relationId, type RelationRecord } from '../../ontology/index.js';
import { curatedRelation } from '../../ontology/record-schema.js';
import type { KnowledgeGraph } from '../knowledge-graph.js';
import { assertRelationFits, parseInput, resolveCitations, type Actor } from './checks.js';
import { noEffects, type Change } from './effects.js';

export interface RelationDraft {
  type: string;
  from: string;
  to: string;
  properties?: Record<string, unknown>;
  stated?: boolean;
  inference?: string;
  evidence?: unknown[];
}

export function planCreateRelation(kg: KnowledgeGraph, draft: RelationDraft, actor: Actor): Change {
  const operation = 'createRelation';
  const input = parseInput(operation, curatedRelation, draft);
  const { inference, evidence, ...rest } = input;
  const candidate = { ...rest, ...(inference ? { inference } : {}), evidence: [] };
  assertRelationFits(kg, candidate, operation);
  const id = relationId(input.type, input.from, input.to);
  if (kg.findRelation(id)) throw new AlreadyExistsError(`${operation}: the relation "${id}" exists already; add evidence to it instead`);
  const relation: RelationRecord = { id, ...candidate, evidence: resolveCitations(kg, evidence, operation), assertedBy: actor };
  return { kind: 'CREATE_RELATION', ids: [id], effects: { ...noEffects(), relations: [{ id, before: null, after: relation }] } };
}
