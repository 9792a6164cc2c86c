// Checks every write shares: inputs against the ontology, cited quotes
// against their articles, relations against their ends. Each throws a named
// error that starts with the operation's name.

import type { z } from 'zod';
import { InvalidArgumentError, NotFoundError } from '../../errors.js';
import {
  describeEndpoints,
  isAllowedEndpoint,
  mergeStated,
  RELATION_TYPES,
  resolveEvidence,
  uniqueNames,
  type Claim,
  type ConflictRecord,
  type EntityRecord,
  type Evidence,
  type RelationRecord,
} from '../../ontology/index.js';
import { formatIssuePath } from '../../ontology/record-schema.js';
import type { CitedEvidence } from '../../ontology/record-schema.js';
import type { KnowledgeGraph } from '../knowledge-graph.js';
import type { RecordEffect } from './effects.js';

/** Who makes a change, and when (ISO 8601). */
export interface Actor {
  by: string;
  at: string;
}

/** The input checked by `schema`; every problem in one InvalidArgumentError. */
export function parseInput<S extends z.ZodType>(operation: string, schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const at = formatIssuePath(issue.path);
    return at ? `${at}: ${issue.message}` : issue.message;
  });
  throw new InvalidArgumentError(`${operation}: ${problems.join('; ')}`);
}

/** The entity with exactly this id (a merged id is refused, naming the entity it went into). */
export function getExactEntity(kg: KnowledgeGraph, id: string, operation: string): EntityRecord {
  if (kg.graph.hasNode(id)) return kg.graph.getNodeAttributes(id);
  const into = kg.redirectOf(id);
  if (into) throw new NotFoundError(`${operation}: "${id}" was merged into "${kg.resolveId(id)}"; use that id (or unmergeEntity)`);
  return kg.getEntity(id, operation);
}

/** Quotes a curator cites → evidence with offsets, each checked against its article's text. */
export function resolveCitations(kg: KnowledgeGraph, cited: readonly CitedEvidence[], operation: string): Evidence[] {
  const problems: string[] = [];
  const found: Evidence[] = [];
  cited.forEach((citation, i) => {
    const article = kg.findEntity(citation.article);
    if (!article || article.kind !== 'Article') {
      problems.push(`evidence[${i}].article: no article has the id "${citation.article}"`);
      return;
    }
    const text = typeof article.attributes.text === 'string' ? article.attributes.text : '';
    found.push(...resolveEvidence([citation], article.id, text, article.id, (_, message) => problems.push(`evidence[${i}]: ${message}`)));
  });
  if (problems.length) throw new InvalidArgumentError(`${operation}: ${problems.join('; ')}`);
  return found;
}

/** Refuses a relation whose ends or referenced entities are missing or of kinds its type does not allow. */
export function assertRelationFits(
  kg: KnowledgeGraph,
  relation: Omit<RelationRecord, 'id'>,
  operation: string,
  /** entities the same change adds */
  pending: ReadonlyMap<string, EntityRecord> = new Map(),
): void {
  const entity = (id: string) => pending.get(id) ?? getExactEntity(kg, id, operation);
  const from = entity(relation.from);
  const to = entity(relation.to);
  if (from.id === to.id) throw new InvalidArgumentError(`${operation}: a relation cannot link "${from.id}" to itself`);
  if (!isAllowedEndpoint(relation.type, from.kind, to.kind)) {
    throw new InvalidArgumentError(
      `${operation}: ${relation.type} cannot go from a ${from.kind} to a ${to.kind} (allowed: ${describeEndpoints(relation.type)})`,
    );
  }
  for (const [name, spec] of Object.entries(RELATION_TYPES[relation.type].properties)) {
    const ref = relation.properties[name];
    if (spec.value.type !== 'ref' || typeof ref !== 'string') continue;
    const target = entity(ref);
    if (target.kind !== spec.value.kind) throw new InvalidArgumentError(`${operation}: properties.${name}: "${ref}" is a ${target.kind}, not a ${spec.value.kind}`);
  }
}

/** Names of a relation type's properties that hold an entity id. */
export function refProperties(relation: RelationRecord): string[] {
  return Object.entries(RELATION_TYPES[relation.type].properties)
    .filter(([name, spec]) => spec.value.type === 'ref' && typeof relation.properties[name] === 'string')
    .map(([name]) => name);
}

/** Conflicts that mention any of `ids`: each loses those ids, and goes when it is about nothing else. */
export function detachConflicts(kg: KnowledgeGraph, ids: ReadonlySet<string>): RecordEffect<ConflictRecord>[] {
  const effects: RecordEffect<ConflictRecord>[] = [];
  for (const conflict of kg.conflicts()) {
    if (!conflict.about.some((id) => ids.has(id))) continue;
    const about = conflict.about.filter((id) => !ids.has(id));
    effects.push({ id: conflict.id, before: conflict, after: about.length ? { ...conflict, about } : null });
  }
  return effects;
}

/** Evidence of `b` that `a` lacks (same article and place), appended once. */
export function joinEvidence(a: readonly Evidence[], b: readonly Evidence[]): Evidence[] {
  const key = (e: Evidence) => `${e.article}\u0000${e.start}\u0000${e.end}`;
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((e) => !seen.has(key(e)) && seen.add(key(e)))];
}

/**
 * Collects the conflicts a change records. Where the graph holds one value
 * and the change brings another, both are kept as claims of the conflict
 * `conflict:ID#PROPERTY` (the loader's rule), never one silently chosen.
 */
export function conflictRecorder(kg: KnowledgeGraph) {
  const effects = new Map<string, RecordEffect<ConflictRecord>>();
  const current = (id: string) => effects.get(id)?.after ?? kg.conflicts().find((c) => c.id === id) ?? null;
  const put = (conflict: ConflictRecord) => {
    const before = effects.has(conflict.id) ? effects.get(conflict.id)!.before : (kg.conflicts().find((c) => c.id === conflict.id) ?? null);
    effects.set(conflict.id, { id: conflict.id, before, after: conflict });
  };
  return {
    current,
    put,
    /** `held` is the graph's value with its evidence, `given` the other. */
    disagree(about: string, property: string, held: Claim, given: Claim): void {
      const id = `conflict:${about}#${property}`;
      const existing = current(id);
      const claims = existing ? [...existing.claims] : [held];
      const same = claims.findIndex((c) => c.value === given.value);
      if (same >= 0) claims[same] = { value: given.value, evidence: joinEvidence(claims[same]!.evidence, given.evidence) };
      else claims.push(given);
      put({ id, about: [about], property, note: existing?.note ?? `sources disagree on "${property}"; the first value read is shown on the entity`, claims });
    },
    effects: () => [...effects.values()],
  };
}

export type ConflictRecorder = ReturnType<typeof conflictRecorder>;

/**
 * `held` joined with another account of the same entity: the other's name
 * and aliases as aliases, its evidence, the attributes `held` lacks; a value
 * that differs stays as it is and the other becomes a claim of a conflict.
 */
export function joinEntity(held: EntityRecord, other: EntityRecord, conflicts: ConflictRecorder): EntityRecord {
  const attributes = { ...held.attributes };
  for (const [name, value] of Object.entries(other.attributes)) {
    if (attributes[name] === undefined) attributes[name] = value;
    else if (claimValue(attributes[name]) !== claimValue(value)) {
      conflicts.disagree(held.id, name, { value: claimValue(attributes[name]), evidence: held.evidence }, { value: claimValue(value), evidence: other.evidence });
    }
  }
  const joined: EntityRecord = {
    ...held,
    aliases: uniqueNames([...held.aliases, other.name, ...other.aliases], held.name),
    attributes,
    evidence: joinEvidence(held.evidence, other.evidence),
  };
  mergeStated(joined, other);
  return joined;
}

/** `held` joined with another account of the same relation: its evidence and the properties `held` lacks. */
export function joinRelation(held: RelationRecord, other: RelationRecord): RelationRecord {
  const joined: RelationRecord = { ...held, evidence: joinEvidence(held.evidence, other.evidence), properties: { ...other.properties, ...held.properties } };
  mergeStated(joined, other);
  return joined;
}

/** An attribute or property value as a claim shows it. */
export const claimValue = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
