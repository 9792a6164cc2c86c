// deleteEntity: refused while relations (or a relation's property) point at
// it, unless `cascade` deletes those too; conflicts about it let go of it.

import { PreconditionFailedError } from '../../errors.js';
import type { RelationRecord } from '../../ontology/index.js';
import type { KnowledgeGraph } from '../knowledge-graph.js';
import { detachConflicts, getExactEntity, refProperties } from './checks.js';
import { noEffects, type Change } from './effects.js';

export function planDeleteEntity(kg: KnowledgeGraph, id: string, cascade = false): Change {
  const operation = 'deleteEntity';
  const entity = getExactEntity(kg, id, operation);
  const touching = new Map<string, RelationRecord>(kg.relationsOf(id).map((r) => [r.id, r]));
  for (const relation of kg.relations()) {
    if (refProperties(relation).some((name) => relation.properties[name] === id)) touching.set(relation.id, relation);
  }
  const relations = [...touching.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (relations.length && !cascade) {
    const shown = relations.slice(0, 3).map((r) => r.id).join(', ');
    throw new PreconditionFailedError(
      `${operation}: ${relations.length} relation${relations.length === 1 ? ' points' : 's point'} at "${id}" (${shown}${relations.length > 3 ? ', ...' : ''}); delete them first, or pass cascade: true`,
    );
  }
  if (entity.kind === 'Article') {
    const going = new Set([id, ...relations.map((r) => r.id)]);
    const cites = (evidence: readonly { article: string }[]) => evidence.some((e) => e.article === id);
    const citing = [
      ...[...kg.entities(), ...kg.relations()].filter((f) => !going.has(f.id) && cites(f.evidence)),
      ...kg.conflicts().filter((c) => c.claims.some((claim) => cites(claim.evidence))),
    ];
    if (citing.length) {
      throw new PreconditionFailedError(`${operation}: ${citing.length} facts cite the article "${id}" as evidence (first: "${citing[0]!.id}"); an article that supports facts stays`);
    }
  }
  return {
    kind: 'DELETE_ENTITY',
    ids: [id, ...relations.map((r) => r.id)],
    effects: {
      ...noEffects(),
      entities: [{ id, before: entity, after: null }],
      relations: relations.map((r) => ({ id: r.id, before: r, after: null })),
      conflicts: detachConflicts(kg, new Set([id, ...relations.map((r) => r.id)])),
      // ids merged into it lead nowhere now: they are free again
      redirects: [...kg.allRedirects()].filter(([, to]) => to === id).map(([from]) => ({ id: from, before: id, after: null })),
    },
  };
}
