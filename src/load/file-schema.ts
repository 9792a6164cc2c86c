// The shape of one facts file in graph/facts/, as zod schemas built from the
// ontology: attribute and property checks are derived, not written per kind.

import { z } from 'zod';
import { didYouMean } from '../did-you-mean.js';
import {
  CRIME_SLUGS,
  isPartialDate,
  KIND_NAMES,
  KINDS,
  RELATION_TYPE_NAMES,
  RELATION_TYPES,
  type FieldSpec,
  type ValueType,
} from '../ontology/index.js';

const ID = /^[a-z][a-z-]*:\S+$/;

const id = z.string().regex(ID, { error: (iss) => `"${String(iss.input)}" is not an id like "kind-prefix:readable-name"` });

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
function oneOf<const T extends readonly string[]>(values: T, what: string) {
  return z.enum(values as unknown as readonly [T[number], ...T[number][]], {
    error: (iss) => `unknown ${what} "${String(iss.input)}"${didYouMean(String(iss.input), values)}; expected one of ${values.join(', ')}`,
  });
}

/** Checks a record of attributes or properties against the ontology's field specs. */
function checkFields(
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
      ctx.addIssue({ code: 'custom', path: [at, name], message: `unknown ${at.replace(/s$/, '')} "${name}" for ${owner}${didYouMean(name, names)} (${allowed})` });
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

const evidenceList = z.array(evidenceInput).min(1, { error: 'every fact needs at least one piece of evidence' });

/** stated defaults to true; an inferred fact must say why, a stated one must not. */
function checkInference(fact: { stated: boolean; inference?: string }, ctx: z.RefinementCtx): void {
  if (!fact.stated && !fact.inference) {
    ctx.addIssue({ code: 'custom', path: ['inference'], message: 'an inferred fact (stated: false) needs an "inference" line saying why' });
  }
  if (fact.stated && fact.inference) {
    ctx.addIssue({ code: 'custom', path: ['stated'], message: 'a fact with an "inference" must be stated: false' });
  }
}

export const entityInput = z
  .strictObject({
    id,
    kind: oneOf(KIND_NAMES, 'kind'),
    name: z.string().trim().min(1),
    aliases: z.array(z.string().trim().min(1)).default([]),
    attributes: z.record(z.string(), z.unknown()).default({}),
    stated: z.boolean().default(true),
    inference: z.string().trim().min(1).optional(),
    confidence,
    evidence: evidenceList,
  })
  .superRefine((entity, ctx) => {
    const kind = entity.kind;
    const prefix = KINDS[kind].idPrefix;
    if (!entity.id.startsWith(`${prefix}:`)) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `id "${entity.id}" does not fit kind ${kind}: it must start with "${prefix}:"` });
    }
    if (kind === 'Article') {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'articles are declared in the file\'s "article" block, not as entities' });
    }
    checkFields(KINDS[kind].attributes, entity.attributes, kind, ctx, 'attributes');
    checkInference(entity, ctx);
  });
export type EntityInput = z.infer<typeof entityInput>;

export const relationInput = z
  .strictObject({
    type: oneOf(RELATION_TYPE_NAMES, 'relation type'),
    from: id,
    to: id,
    properties: z.record(z.string(), z.unknown()).default({}),
    stated: z.boolean().default(true),
    inference: z.string().trim().min(1).optional(),
    confidence,
    evidence: evidenceList,
  })
  .superRefine((relation, ctx) => {
    const type = relation.type;
    checkFields(RELATION_TYPES[type].properties, relation.properties, type, ctx, 'properties');
    checkInference(relation, ctx);
  });
export type RelationInput = z.infer<typeof relationInput>;

export const conflictInput = z.strictObject({
  id: id.refine((v) => v.startsWith('conflict:'), { error: 'a conflict id starts with "conflict:"' }),
  property: z.string().trim().min(1),
  about: z.array(id).min(1),
  note: z.string().trim().min(1).optional(),
  claims: z
    .array(z.strictObject({ value: z.union([z.string(), z.number()]).transform(String), evidence: evidenceList }))
    .min(2, { error: 'a conflict needs at least two claims' }),
});
export type ConflictInput = z.infer<typeof conflictInput>;

export const articleInput = z.strictObject({
  id: id.refine((v) => v.startsWith('article:'), { error: 'an article id starts with "article:"' }),
  title: z.string().trim().min(1),
  publishedOn: partialDate,
  url: z.url({ protocol: /^https?$/ }).optional(),
  publisher: z.string().trim().min(1).optional(),
  author: z.string().trim().min(1).optional(),
  /** the article's text file, relative to the graph folder */
  source: z.string().regex(/^sources\/[^/]+\.txt$/, { error: 'expected a path like "sources/NAME.txt"' }),
});
export type ArticleInput = z.infer<typeof articleInput>;

/** A facts file with each record checked on its own; a bad record is null (its problems are reported). */
export interface FactsFile {
  article: ArticleInput;
  entities: (EntityInput | null)[];
  relations: (RelationInput | null)[];
  conflicts: (ConflictInput | null)[];
  /** ids of entities that failed their checks: references to them are not reported again */
  invalidIds: Set<string>;
}

const fileShape = z.strictObject({
  article: z.unknown(),
  entities: z.array(z.unknown()).default([]),
  relations: z.array(z.unknown()).default([]),
  conflicts: z.array(z.unknown()).default([]),
});

export interface SchemaProblem {
  path: string;
  message: string;
}

/**
 * Checks a parsed facts file record by record, so one bad record hides no
 * problem of the others. `file` is null when the article block (which every
 * quote depends on) or the file's outline is unusable.
 */
export function parseFactsFile(raw: unknown): { file: FactsFile | null; problems: SchemaProblem[] } {
  const problems: SchemaProblem[] = [];
  const report = (prefix: (string | number)[], issues: readonly { path: readonly PropertyKey[]; message: string }[]) => {
    for (const issue of issues) problems.push({ path: formatPath([...prefix, ...issue.path]), message: issue.message });
  };
  const outline = fileShape.safeParse(raw);
  if (!outline.success) {
    report([], outline.error.issues);
    return { file: null, problems };
  }
  const invalidIds = new Set<string>();
  function each<T>(key: 'entities' | 'relations' | 'conflicts', schema: z.ZodType<T>): (T | null)[] {
    return outline.data![key].map((item, i) => {
      const result = schema.safeParse(item);
      if (result.success) return result.data;
      report([key, i], result.error.issues);
      const id = (item as { id?: unknown } | null)?.id;
      if (key === 'entities' && typeof id === 'string') invalidIds.add(id);
      return null;
    });
  }
  const entities = each('entities', entityInput);
  const relations = each('relations', relationInput);
  const conflicts = each('conflicts', conflictInput);
  const article = articleInput.safeParse(outline.data.article);
  if (!article.success) {
    report(['article'], article.error.issues);
    return { file: null, problems };
  }
  return { file: { article: article.data, entities, relations, conflicts, invalidIds }, problems };
}

/** `['entities', 3, 'name']` → `entities[3].name` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}
