// updateEntity: a curator's correction of an entity's name, aliases,
// attributes (null removes one), stated flag, or added evidence.

import { InvalidArgumentError } from '../../errors.js';
import { uniqueNames, type EntityRecord } from '../../ontology/index.js';
import { curatedEntity } from '../../ontology/record-schema.js';
import type { KnowledgeGraph } from '../knowledge-graph.js';
import { getExactEntity, joinEvidence, parseInput, resolveCitations } from './checks.js';
import { noEffects, type Change } from './effects.js';

export interface EntityPatch {
  name?: string;
  /** replaces the aliases */
  aliases?: string[];
  /** merged into the attributes; a null value removes that attribute */
  attributes?: Record<string, unknown>;
  stated?: boolean;
  /** the inference line; null removes it */
  inference?: string | null;
  /** quotes added to the evidence */
  addEvidence?: unknown[];
}

/** Who made the change and when is the change's own record (see the change log), not the entity's. */
export function planUpdateEntity(kg: KnowledgeGraph, id: string, patch: EntityPatch): Change {
  const operation = 'updateEntity';
  const before = getExactEntity(kg, id, operation);
  if (before.kind === 'Article') throw new InvalidArgumentError(`${operation}: articles change only by ingestion ("${id}" is an article)`);
  const given = Object.values(patch).filter((v) => v !== undefined && !(Array.isArray(v) ? v.length === 0 : typeof v === 'object' && v !== null && Object.keys(v).length === 0));
  if (given.length === 0) throw new InvalidArgumentError(`${operation}: nothing to change for "${id}"`);
  const attributes = { ...before.attributes };
  for (const [name, value] of Object.entries(patch.attributes ?? {})) {
    if (value === null) delete attributes[name];
    else attributes[name] = value;
  }
  const stated = patch.stated ?? before.stated;
  // a fact becoming stated loses its inference line unless the patch gives one
  const inference = patch.inference === null || (patch.stated === true && patch.inference === undefined) ? undefined : (patch.inference ?? before.inference);
  const name = patch.name ?? before.name;
  const checked = parseInput(operation, curatedEntity, {
    id: before.id,
    kind: before.kind,
    name,
    aliases: patch.aliases ?? before.aliases,
    attributes,
    stated,
    ...(inference !== undefined ? { inference } : {}),
  });
  const added = resolveCitations(kg, parseInput(operation, curatedEntity.shape.evidence, patch.addEvidence ?? []), operation);
  const { inference: _dropped, ...kept } = before;
  const after: EntityRecord = {
    ...kept,
    name: checked.name,
    aliases: uniqueNames(checked.aliases, checked.name),
    attributes: checked.attributes,
    stated: checked.stated,
    ...(checked.inference ? { inference: checked.inference } : {}),
    evidence: joinEvidence(before.evidence, added),
  };
  return { kind: 'UPDATE_ENTITY', ids: [id], effects: { ...noEffects(), entities: [{ id, before, after }] } };
}
