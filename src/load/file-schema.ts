// The shape of one facts file in graph/facts/: an article block and the
// records it supports, each checked with the ontology's record schemas.

import { z } from 'zod';
import {
  entityInput,
  evidenceList,
  formatIssuePath,
  id,
  partialDate,
  relationInput,
  type EntityInput,
  type RelationInput,
} from '../ontology/record-schema.js';

export type { EvidenceInput } from '../ontology/record-schema.js';

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
    for (const issue of issues) problems.push({ path: formatIssuePath([...prefix, ...issue.path]), message: issue.message });
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
