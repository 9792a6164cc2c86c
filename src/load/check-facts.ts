// Parsed facts files → one validated GraphData, one file at a time. Pure: no
// I/O. Every problem is collected (file, path in file, message) and reported
// together.

import { didYouMean } from '../did-you-mean.js';
import type { DataProblem } from '../errors.js';
import {
  describeEndpoints,
  mergeStated,
  resolveEvidence,
  uniqueNames,
  isAllowedEndpoint,
  relationId,
  RELATION_TYPES,
  type Claim,
  type ConflictRecord,
  type EntityRecord,
  type Evidence,
  type GraphData,
  type RelationRecord,
} from '../ontology/index.js';
import type { EvidenceInput, FactsFile } from './file-schema.js';
import { SharedValues } from './shared-values.js';

/** One facts file after parsing, with its article's text. */
export interface ParsedFile {
  /** the file's name as shown in messages */
  file: string;
  data: FactsFile;
  /** the text of the article the file's quotes come from */
  text: string;
}

export type CheckResult = { ok: true; data: GraphData } | { ok: false; problems: DataProblem[] };

/** Where each value of a merged attribute came from, to surface disagreements. */
type ClaimsByField = Map<string, { about: string; property: string; claims: Map<string, Claim> }>;

/**
 * Merges facts files, one at a time, into one graph. An entity or relation
 * may appear in several files (each article gives its own evidence): evidence
 * and aliases are joined, and attribute values that disagree are kept as
 * conflicts, never dropped. Only what the graph keeps outlives a file, so a
 * graph loads in little more memory than it is served in.
 */
export class FactsChecker {
  private readonly problems: DataProblem[] = [];
  private readonly entities = new Map<string, EntityRecord>();
  private readonly declaredIn = new Map<string, string>();
  private readonly relations = new Map<string, RelationRecord>();
  /** for the relations in `relations`' order: the file each was first read in (index into `files`), and its index there */
  private readonly relationFiles: number[] = [];
  private readonly relationIndices: number[] = [];
  private readonly files: string[] = [];
  private readonly conflicts: ConflictRecord[] = [];
  private readonly conflictFile = new Map<string, { file: string; path: string }>();
  /** ids of entities that failed their checks: references to them are not reported again */
  private readonly invalid = new Set<string>();
  /**
   * The values each source gave, of the attributes of the entities and the
   * properties of the relations read more than once (a record read once
   * cannot disagree with itself).
   */
  private readonly fieldClaims: ClaimsByField = new Map();
  private readonly readAgain = new Set<string>();

  constructor(private readonly shared = new SharedValues()) {}

  /** Adds one file's records. */
  add({ file, data, text }: ParsedFile): void {
    const fileIndex = this.files.push(file) - 1;
    const problem = (path: string, message: string) => this.problems.push({ file, path, message });
    const articleId = data.article.id;
    const evidenceOf = (inputs: EvidenceInput[], path: string) =>
      resolveEvidence(inputs, articleId, text, data.article.source, (i, m) => problem(`${path}.evidence[${i}]`, m)).map((e) => this.shared.evidence(e));
    for (const id of data.invalidIds) this.invalid.add(id);
    const { entities, declaredIn, relations } = this;

    // The article itself is an entity; its title is its evidence.
    if (declaredIn.has(articleId)) {
      problem('article.id', `article "${articleId}" is already declared in ${declaredIn.get(articleId)}`);
    } else {
      const titleEvidence = evidenceOf([{ quote: data.article.title }], 'article');
      const { id, title, source: _source, ...rest } = data.article;
      entities.set(id, {
        id,
        kind: 'Article',
        name: title,
        aliases: [],
        attributes: { title, ...rest, text },
        stated: true,
        evidence: titleEvidence,
      });
      declaredIn.set(id, file);
    }

    const seenEntities = new Map<string, number>();
    data.entities.forEach((input, i) => {
      if (!input) return;
      const path = `entities[${i}]`;
      const first = seenEntities.get(input.id);
      if (first !== undefined) {
        problem(`${path}.id`, `duplicate id "${input.id}" (first at entities[${first}])`);
        return;
      }
      seenEntities.set(input.id, i);
      const evidence = evidenceOf(input.evidence, path);
      const existing = entities.get(input.id);
      if (!existing) {
        const { inference, ...rest } = input;
        entities.set(input.id, { ...rest, aliases: uniqueNames(input.aliases, input.name), ...(inference ? { inference } : {}), evidence });
        declaredIn.set(input.id, file);
        return;
      }
      if (existing.kind !== input.kind) {
        problem(`${path}.kind`, `"${input.id}" is a ${existing.kind} in ${declaredIn.get(input.id)} but a ${input.kind} here`);
        return;
      }
      this.noteClaims(existing, existing.attributes, input.attributes, evidence);
      existing.aliases = uniqueNames([...existing.aliases, input.name, ...input.aliases], existing.name);
      for (const [name, value] of Object.entries(input.attributes)) {
        if (existing.attributes[name] === undefined) existing.attributes[name] = value;
      }
      existing.evidence.push(...evidence);
      mergeStated(existing, input);
    });

    const seenRelations = new Map<string, number>();
    data.relations.forEach((input, i) => {
      if (!input) return;
      const path = `relations[${i}]`;
      const id = relationId(input.type, input.from, input.to);
      const first = seenRelations.get(id);
      if (first !== undefined) {
        problem(path, `duplicate relation ${input.type} from "${input.from}" to "${input.to}" (first at relations[${first}])`);
        return;
      }
      seenRelations.set(id, i);
      const evidence = evidenceOf(input.evidence, path);
      const existing = relations.get(id);
      if (!existing) {
        const { inference, ...rest } = input;
        const flatId = this.shared.flatString(id);
        relations.set(flatId, { id: flatId, ...rest, ...(inference ? { inference } : {}), evidence });
        this.relationFiles.push(fileIndex);
        this.relationIndices.push(i);
        return;
      }
      this.noteClaims(existing, existing.properties, input.properties, evidence);
      for (const [name, value] of Object.entries(input.properties)) {
        if (existing.properties[name] === undefined) existing.properties[name] = value;
      }
      existing.evidence.push(...evidence);
      mergeStated(existing, input);
    });

    data.conflicts.forEach((input, i) => {
      if (!input) return;
      const path = `conflicts[${i}]`;
      if (this.conflictFile.has(input.id)) {
        problem(`${path}.id`, `duplicate conflict id "${input.id}" (first in ${this.conflictFile.get(input.id)!.file})`);
        return;
      }
      this.conflictFile.set(input.id, { file, path });
      this.conflicts.push({
        id: input.id,
        about: input.about,
        property: input.property,
        ...(input.note ? { note: input.note } : {}),
        claims: input.claims.map((c, k) => ({ value: c.value, evidence: evidenceOf(c.evidence, `${path}.claims[${k}]`) })),
      });
    });
  }

  /**
   * Notes the values another source gives a record already read. The first
   * time, the record's own values are noted first: until it is read again,
   * they are its first source's, with its first source's evidence.
   */
  private noteClaims(existing: EntityRecord | RelationRecord, held: Record<string, unknown>, given: Record<string, unknown>, evidence: Evidence[]): void {
    if (!this.readAgain.has(existing.id)) {
      this.readAgain.add(existing.id);
      noteClaims(this.fieldClaims, existing.id, held, existing.evidence);
    }
    noteClaims(this.fieldClaims, existing.id, given, evidence);
  }

  /** Checks the references between files, which can only be checked once every file is read; the graph, or every problem found. */
  finish(): CheckResult {
    const { problems, entities, relations, invalid } = this;
    // A reference to an entity that failed its own checks was reported there already.
    let ids: string[] | undefined;
    const missing = (ref: string) => `unknown entity "${ref}"${didYouMean(ref, (ids ??= [...entities.keys()]))}`;
    let k = 0;
    for (const relation of relations.values()) {
      const file = this.files[this.relationFiles[k]!]!;
      const path = `relations[${this.relationIndices[k++]}]`;
      const problem = (at: string, message: string) => problems.push({ file, path: `${path}${at}`, message });
      const from = entities.get(relation.from);
      const to = entities.get(relation.to);
      if (!from && !invalid.has(relation.from)) problem('.from', missing(relation.from));
      if (!to && !invalid.has(relation.to)) problem('.to', missing(relation.to));
      if (relation.from === relation.to) problem('.to', `a relation cannot link "${relation.from}" to itself`);
      else if (from && to && !isAllowedEndpoint(relation.type, from.kind, to.kind)) {
        problem('', `${relation.type} cannot go from a ${from.kind} to a ${to.kind} (allowed: ${describeEndpoints(relation.type)})`);
      }
      for (const [name, spec] of Object.entries(RELATION_TYPES[relation.type].properties)) {
        const ref = relation.properties[name];
        if (spec.value.type !== 'ref' || typeof ref !== 'string') continue;
        const target = entities.get(ref);
        if (!target) {
          if (!invalid.has(ref)) problem(`.properties.${name}`, missing(ref));
        }
        else if (target.kind !== spec.value.kind) problem(`.properties.${name}`, `"${ref}" is a ${target.kind}, not a ${spec.value.kind}`);
      }
    }
    for (const conflict of this.conflicts) {
      const { file, path } = this.conflictFile.get(conflict.id)!;
      conflict.about.forEach((ref, i) => {
        if (!entities.has(ref) && !relations.has(ref) && !invalid.has(ref)) problems.push({ file, path: `${path}.about[${i}]`, message: missing(ref) });
      });
    }

    if (problems.length) return { ok: false, problems };
    // each finished copy replaces its record at once: the two are never both held for every record
    for (const [id, record] of entities) entities.set(id, this.shared.finishRecord(record));
    for (const [id, record] of relations) relations.set(id, this.shared.finishRecord(record));
    const records = { entities: [...entities.values()], relations: [...relations.values()] };
    return { ok: true, data: { ...records, conflicts: [...this.conflicts, ...fieldConflicts(this.fieldClaims)] } };
  }
}

function noteClaims(claims: ClaimsByField, about: string, values: Record<string, unknown>, evidence: Evidence[]): void {
  for (const [property, value] of Object.entries(values)) {
    const key = `${about}#${property}`;
    const entry = claims.get(key) ?? { about, property, claims: new Map<string, Claim>() };
    claims.set(key, entry);
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const claim = entry.claims.get(text) ?? { value: text, evidence: [] };
    entry.claims.set(text, claim);
    claim.evidence.push(...evidence);
  }
}

/** Attributes or properties given different values by different sources. */
function fieldConflicts(claims: ClaimsByField): ConflictRecord[] {
  return [...claims.values()]
    .filter((entry) => entry.claims.size > 1)
    .map(({ about, property, claims: byValue }) => ({
      id: `conflict:${about}#${property}`,
      about: [about],
      property,
      note: `sources disagree on "${property}"; the first value read is shown on the entity`,
      claims: [...byValue.values()],
    }));
}
