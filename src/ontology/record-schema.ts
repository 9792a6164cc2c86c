// The checks of one entity or relation record, as zod schemas built from the
// ontology: attribute and property checks are derived, not written per kind.
// The loader checks facts files with them, the write side the API's inputs.

import { z } from 'zod';
import { didYouMean } from '../did-you-mean.js';
import { isPartialDate } from './dates.js';
import {
  CRIME_SLUGS,
  KIND_NAMES,
  KINDS,
  RELATION_TYPE_NAMES,
  RELATION_TYPES,
  type FieldSpec,
  type ValueType,
} from './ontology.js';

const ID = /^[a-z][a-z-]*:\S+$/;

export const id = z.string().regex(ID, { error: (iss) => `"${String(iss.input)}" is not an id like "kind-prefix:readable-name"` });

export const partialDate = z
  .string()
  .refine(isPartialDate, { error: (iss) => `"${String(iss.input)}" is not an ISO 8601 date (2019, 2019-05 or 2019-05-25)` });

function valueSchema(value: ValueType): z.ZodType {
  switch (value.type) {
    case 'string':
      return z.string().trim().min(1);
    case 'int':
      return z.int().min(value.min ?? 0);
    case 'partialDate':
      return partialDate;
    case 'countryCode':
      return z.string().regex(/^[A-Z]{2}$/, { error: 'expected an ISO 3166-1 alpha-2 code such as "VN"' });
    case 'url':
      return z.url({ protocol: /^https?$/ });
    case 'enum':
      return oneOf(value.values, 'value');
    case 'crimeSlug':
      return oneOf(CRIME_SLUGS, 'crime-category slug');
    case 'quantities':
      return z.array(z.strictObject({ value: z.number().nonnegative(), unit: z.string().min(1) })).min(1);
    case 'ref':
      return id;
  }
}

/** An enum whose message quotes the value and suggests the closest option. */
export function oneOf<const T extends readonly string[]>(values: T, what: string) {
  return z.enum(values as unknown as readonly [T[number], ...T[number][]], {
    error: (iss) => `unknown ${what} "${String(iss.input)}"${didYouMean(String(iss.input), values)}; expected one of ${values.join(', ')}`,
  });
}

/** Checks a record of attributes or properties against the ontology's field specs. */
export function checkFields(
  fields: Record<string, FieldSpec>,
  values: Record<string, unknown>,
  owner: string,
  ctx: z.RefinementCtx,
  at: string,
): void {
  const names = Object.keys(fields);
  for (const [name, value] of Object.entries(values)) {
    const spec = fields[name];
    if (!spec) {
      const allowed = names.length ? `allowed: ${names.join(', ')}` : 'it has none';
      ctx.addIssue({ code: 'custom', path: [at, name], message: `unknown ${at === 'properties' ? 'property' : 'attribute'} "${name}" for ${owner}${didYouMean(name, names)} (${allowed})` });
      continue;
    }
    const result = valueSchema(spec.value).safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', path: [at, name, ...issue.path], message: issue.message });
    }
  }
  for (const [name, spec] of Object.entries(fields)) {
    if (spec.required && values[name] === undefined) {
      ctx.addIssue({ code: 'custom', path: [at], message: `${owner} needs the attribute "${name}" (${spec.description})` });
    }
  }
}

export const evidenceInput = z.strictObject({
  quote: z.string().min(1, { error: 'a quote cannot be empty' }),
  start: z.int().nonnegative().optional(),
  end: z.int().nonnegative().optional(),
});
export type EvidenceInput = z.infer<typeof evidenceInput>;

/** set on facts an extractor proposed; curated facts go without */
const confidence = z.number().min(0).max(1).optional();

export const evidenceList = z.array(evidenceInput).min(1, { error: 'every fact needs at least one piece of evidence' });

/** stated defaults to true; an inferred fact must say why, a stated one must not. */
function checkInference(fact: { stated: boolean; inference?: string }, ctx: z.RefinementCtx): void {
  if (!fact.stated && !fact.inference) {
    ctx.addIssue({ code: 'custom', path: ['inference'], message: 'an inferred fact (stated: false) needs an "inference" line saying why' });
  }
  if (fact.stated && fact.inference) {
    ctx.addIssue({ code: 'custom', path: ['stated'], message: 'a fact with an "inference" must be stated: false' });
  }
}

/** An entity record's checks, with the given rule for its evidence. */
function entitySchema<E extends z.ZodType>(evidence: E, articleKind: string) {
  return z
    .strictObject({
      id,
      kind: oneOf(KIND_NAMES, 'kind'),
      name: z.string().trim().min(1),
      aliases: z.array(z.string().trim().min(1)).default([]),
      attributes: z.record(z.string(), z.unknown()).default({}),
      stated: z.boolean().default(true),
      inference: z.string().trim().min(1).optional(),
      confidence,
      evidence,
    })
    .superRefine((entity, ctx) => {
      const kind = entity.kind;
      const prefix = KINDS[kind].idPrefix;
      if (!entity.id.startsWith(`${prefix}:`)) {
        ctx.addIssue({ code: 'custom', path: ['id'], message: `id "${entity.id}" does not fit kind ${kind}: it must start with "${prefix}:"` });
      }
      if (kind === 'Article') ctx.addIssue({ code: 'custom', path: ['kind'], message: articleKind });
      checkFields(KINDS[kind].attributes, entity.attributes, kind, ctx, 'attributes');
      checkInference(entity, ctx);
    });
}

/** A relation record's checks, with the given rule for its evidence. */
function relationSchema<E extends z.ZodType>(evidence: E) {
  return z
    .strictObject({
      type: oneOf(RELATION_TYPE_NAMES, 'relation type'),
      from: id,
      to: id,
      properties: z.record(z.string(), z.unknown()).default({}),
      stated: z.boolean().default(true),
      inference: z.string().trim().min(1).optional(),
      confidence,
      evidence,
    })
    .superRefine((relation, ctx) => {
      checkFields(RELATION_TYPES[relation.type].properties, relation.properties, relation.type, ctx, 'properties');
      checkInference(relation, ctx);
    });
}

/** An entity in a facts file: evidence from the file's own article. */
export const entityInput = entitySchema(evidenceList, 'articles are declared in the file\'s "article" block, not as entities');
export type EntityInput = z.infer<typeof entityInput>;

/** A relation in a facts file. */
export const relationInput = relationSchema(evidenceList);
export type RelationInput = z.infer<typeof relationInput>;

/** Evidence a curator cites through the API: a quote of an article the graph holds. */
export const citedEvidence = z.strictObject({
  article: id.refine((v) => v.startsWith('article:'), { error: 'evidence cites an article id, which starts with "article:"' }),
  quote: z.string().min(1, { error: 'a quote cannot be empty' }),
  start: z.int().nonnegative().optional(),
  end: z.int().nonnegative().optional(),
});
export type CitedEvidence = z.infer<typeof citedEvidence>;

/** An entity entered through the API: evidence may be left out (the entry records who asserted it). */
export const curatedEntity = entitySchema(z.array(citedEvidence).default([]), 'articles enter the graph through ingestArticle, not createEntity');
export type CuratedEntity = z.infer<typeof curatedEntity>;

/** A relation entered through the API. */
export const curatedRelation = relationSchema(z.array(citedEvidence).default([]));
export type CuratedRelation = z.infer<typeof curatedRelation>;

/** `['entities', 3, 'name']` → `entities[3].name` */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}
