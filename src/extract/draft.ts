// The proposal under construction: entities and relations keyed as they will
// be in the graph, each with its evidence spans and the confidence of the rule
// that produced it. Adding the same fact twice joins evidence, keeps the
// higher confidence, and lets a stated reading win over an inferred one.

import { entityId, normalizeName, relationId, type Kind, type RelationType } from '../ontology/index.js';
import type { Span } from './document.js';

export interface DraftEntity {
  id: string;
  kind: Kind;
  name: string;
  aliases: string[];
  attributes: Record<string, unknown>;
  evidence: Span[];
  confidence: number;
}

export interface DraftRelation {
  id: string;
  type: RelationType;
  from: string;
  to: string;
  properties: Record<string, unknown>;
  stated: boolean;
  inference?: string;
  evidence: Span[];
  confidence: number;
}

export class Draft {
  readonly entities = new Map<string, DraftEntity>();
  readonly relations = new Map<string, DraftRelation>();

  /** Adds (or joins) an entity; returns its id (derived from kind and name unless given). */
  entity(
    kind: Kind,
    name: string,
    evidence: Span,
    confidence: number,
    options: { attributes?: Record<string, unknown>; aliases?: string[]; id?: string } = {},
  ): string {
    const { attributes = {}, aliases = [] } = options;
    const id = options.id ?? entityId(kind, name);
    const existing = this.entities.get(id);
    if (!existing) {
      this.entities.set(id, { id, kind, name, aliases: [], attributes: { ...attributes }, evidence: [evidence], confidence });
    } else {
      if (!existing.evidence.some((e) => e.start === evidence.start && e.end === evidence.end)) existing.evidence.push(evidence);
      existing.confidence = Math.max(existing.confidence, confidence);
      for (const [key, value] of Object.entries(attributes)) if (existing.attributes[key] === undefined) existing.attributes[key] = value;
    }
    this.alias(id, ...aliases);
    return id;
  }

  /** Adds names an entity is also called by (not its own name, no duplicates). */
  alias(id: string, ...names: string[]): void {
    const entity = this.entities.get(id);
    if (!entity) return;
    const seen = new Set([entity.name, ...entity.aliases].map(normalizeName));
    for (const name of names) {
      const key = normalizeName(name);
      if (key && !seen.has(key)) {
        entity.aliases.push(name);
        seen.add(key);
      }
    }
  }

  /** Adds (or joins) a relation between two entities already in the draft. */
  relation(
    type: RelationType,
    from: string,
    to: string,
    evidence: Span,
    confidence: number,
    options: { properties?: Record<string, unknown>; inference?: string } = {},
  ): void {
    if (from === to || !this.entities.has(from) || !this.entities.has(to)) return;
    const id = relationId(type, from, to);
    const stated = options.inference === undefined;
    const existing = this.relations.get(id);
    if (!existing) {
      this.relations.set(id, {
        id,
        type,
        from,
        to,
        properties: { ...options.properties },
        stated,
        ...(stated ? {} : { inference: options.inference }),
        evidence: [evidence],
        confidence,
      });
      return;
    }
    if (stated && !existing.stated) {
      existing.stated = true;
      delete existing.inference;
      existing.evidence = [evidence];
    } else if (stated === existing.stated && !existing.evidence.some((e) => e.start === evidence.start)) {
      existing.evidence.push(evidence);
    }
    existing.confidence = Math.max(existing.confidence, confidence);
    for (const [key, value] of Object.entries(options.properties ?? {})) {
      if (existing.properties[key] === undefined) existing.properties[key] = value;
    }
  }
}
