// An export (json or ndjson, CONTRACT.md's format) → a new graph folder that
// another deployment serves: each article's text in sources/ and its facts in
// facts/, as `coopgraph ingest` writes them, checked by the loader's own
// rules. What facts files cannot hold (facts entered by hand without a quote,
// an entity as a merge or an update left it) goes into the folder's change
// log as one IMPORT change, replayed on load like any other. The folder is
// built beside its place and renamed into it only once it loads back exactly
// the records imported (so it exports the same bytes): all or nothing.

import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { InvalidGraphDataError, type DataProblem } from '../errors.js';
import { factsFileText, type ArticleFacts } from '../load/write-facts.js';
import { loadGraph } from '../load/load-graph.js';
import { curatedEntity, curatedRelation } from '../ontology/record-schema.js';
import { isAllowedEndpoint, RELATION_TYPES, type ConflictRecord, type EntityRecord, type GraphData, type RelationRecord } from '../ontology/index.js';
import { asStored, type Change, type Effects, type RecordEffect } from '../store/changes/effects.js';
import { KnowledgeGraph } from '../store/knowledge-graph.js';
import { formatRecord, type LogRecord } from './change-log.js';
import { changeLogPath, readData } from './open-data.js';

export interface ImportResult {
  entities: number;
  relations: number;
  conflicts: number;
  articles: number;
  /** records the change log holds because no facts file could */
  logged: number;
}

// the outline only: every field is checked by the loader's rules once the files are written
const evidence = z.array(z.object({ article: z.string(), quote: z.string(), start: z.number(), end: z.number() }).passthrough());
const record = z.object({ id: z.string().min(1), evidence }).passthrough();
const exportShape = z.strictObject({ entities: z.array(record), relations: z.array(record), conflicts: z.array(z.object({ id: z.string() }).passthrough()).default([]) });

/** One record a line: the first line alone is a JSON object with a "record" field. */
function isNdjson(text: string): boolean {
  const first = text.trimStart().split('\n', 1)[0]!;
  try {
    const value: unknown = JSON.parse(first);
    return typeof value === 'object' && value !== null && 'record' in value;
  } catch {
    return false;
  }
}

/** Reads an export: one JSON document, or one record a line. */
export function parseExport(text: string, file: string): GraphData {
  const problems: DataProblem[] = [];
  let raw: unknown;
  if (isNdjson(text)) {
    const sections: Record<string, unknown[]> = { entities: [], relations: [], conflicts: [] };
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const { record: kind, ...rest } = JSON.parse(line) as { record?: string };
        const section = { entity: 'entities', relation: 'relations', conflict: 'conflicts' }[kind ?? ''];
        if (section) sections[section]!.push(rest);
        else problems.push({ file, path: `line ${i + 1}`, message: `"record" must be entity, relation or conflict, not ${JSON.stringify(kind)}` });
      } catch (error) {
        problems.push({ file, path: `line ${i + 1}`, message: `not JSON: ${(error as Error).message}` });
      }
    });
    raw = sections;
  } else {
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new InvalidGraphDataError([{ file, path: '', message: `not JSON: ${(error as Error).message}` }]);
    }
  }
  const parsed = exportShape.safeParse(raw);
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push({ file, path: issue.path.join('.'), message: issue.message });
  if (problems.length) throw new InvalidGraphDataError(problems);
  return parsed.data as unknown as GraphData;
}

/** A file name for an article's files: its id's slug, numbered in order. */
const stem = (id: string, i: number) => `${String(i).padStart(6, '0')}_${id.replace(/^article:/, '').replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80)}`;

/** Splits the records by the article each piece of evidence quotes: one facts file per article. */
function articleFiles(data: GraphData, file: string): { files: { stem: string; facts: ArticleFacts }[]; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const byArticle = new Map<string, ArticleFacts>();
  const files: { stem: string; facts: ArticleFacts }[] = [];
  for (const [i, e] of data.entities.entries()) {
    if (e.kind !== 'Article') continue;
    const a = e.attributes as Record<string, string | undefined>;
    if (typeof a.text !== 'string') {
      problems.push({ file, path: `entities[${i}]`, message: `article "${e.id}" has no text: the quotes could not be checked` });
      continue;
    }
    const facts: ArticleFacts = {
      article: { id: e.id, title: a.title ?? e.name, publishedOn: String(a.publishedOn), url: a.url, publisher: a.publisher, author: a.author },
      text: a.text,
      entities: [],
      relations: [],
      conflicts: [],
    };
    byArticle.set(e.id, facts);
    files.push({ stem: stem(e.id, files.length), facts });
  }
  const articlesOf = (list: { article: string }[]) => [...new Set(list.map((x) => x.article))].filter((id) => byArticle.has(id));
  // what the facts files will declare; a record that names anything else waits for the change log
  const declared = new Set(byArticle.keys());
  for (const e of data.entities) {
    if (e.kind === 'Article') continue;
    const ids = articlesOf(e.evidence);
    if (ids.length) declared.add(e.id);
    for (const id of ids) byArticle.get(id)!.entities.push({ ...e, evidence: e.evidence.filter((x) => x.article === id) });
  }
  // the entities a relation names: its ends, and properties that are references (SIGNED's onBehalfOf)
  const named = (r: RelationRecord) => [r.from, r.to, ...Object.entries(RELATION_TYPES[r.type]?.properties ?? {}).flatMap(([name, spec]) => (spec.value.type === 'ref' && typeof r.properties[name] === 'string' ? [r.properties[name] as string] : []))];
  for (const r of data.relations) {
    if (!named(r).every((id) => declared.has(id))) continue;
    const ids = articlesOf(r.evidence);
    if (ids.length) declared.add(r.id);
    for (const id of ids) byArticle.get(id)!.relations.push({ ...r, evidence: r.evidence.filter((x) => x.article === id) });
  }
  for (const c of data.conflicts) {
    // a conflict goes in a file only when all its quotes are that article's and what it is about is declared
    const ids = articlesOf(c.claims.flatMap((claim) => claim.evidence));
    if (ids.length === 1 && c.claims.every((claim) => claim.evidence.length > 0) && c.about.every((id) => declared.has(id))) byArticle.get(ids[0]!)!.conflicts.push(c);
  }
  return { files, problems };
}

function diff<T extends { id: string }>(before: readonly T[], after: readonly T[]): RecordEffect<T>[] {
  const old = new Map(before.map((r) => [r.id, asStored(r)]));
  const effects: RecordEffect<T>[] = [];
  for (const r of after) {
    const was = old.get(r.id) ?? null;
    old.delete(r.id);
    if (!isDeepStrictEqual(was, r)) effects.push({ id: r.id, before: was, after: r });
  }
  for (const [id, was] of old) effects.push({ id, before: was, after: null });
  return effects;
}

/** What the change log must hold, checked as the API checks a fact entered by hand. */
function loggedProblems(effects: Effects, data: GraphData, file: string): DataProblem[] {
  const problems: DataProblem[] = [];
  const kinds = new Map(data.entities.map((e) => [e.id, e.kind]));
  for (const { id, after } of effects.entities) {
    if (!after) continue;
    const { id: _id, evidence: _evidence, assertedBy: _by, ...checked } = after as EntityRecord & Record<string, unknown>;
    const result = curatedEntity.safeParse({ ...checked, id });
    if (!result.success) for (const issue of result.error.issues) problems.push({ file, path: `entity ${id}: ${issue.path.join('.')}`, message: issue.message });
  }
  for (const { id, after } of effects.relations) {
    if (!after) continue;
    const { id: _id, evidence: _evidence, assertedBy: _by, ...checked } = after as RelationRecord & Record<string, unknown>;
    const result = curatedRelation.safeParse(checked);
    if (!result.success) for (const issue of result.error.issues) problems.push({ file, path: `relation ${id}: ${issue.path.join('.')}`, message: issue.message });
    const [from, to] = [kinds.get(after.from), kinds.get(after.to)];
    if (!from || !to) problems.push({ file, path: `relation ${id}`, message: `an end is not in the export: ${!from ? after.from : after.to}` });
    else if (!isAllowedEndpoint(after.type, from, to)) problems.push({ file, path: `relation ${id}`, message: `${after.type} cannot go from a ${from} to a ${to}` });
  }
  return problems;
}

/** The loader's problems name the files as they will be called in `dir`, not in the folder being built. */
function withProblemsIn<T>(dir: string, building: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof InvalidGraphDataError)) throw error;
    const shown = (path: string) => relative(process.cwd(), path) || path;
    throw new InvalidGraphDataError(error.problems.map((p) => ({ ...p, file: p.file.replace(shown(building), shown(dir)) })));
  }
}

/** Every record a reader (and so every export) sees, in order, as stored. */
function records(kg: KnowledgeGraph): object[] {
  return [...kg.entities(), ...kg.relations(), ...kg.conflicts()].map(asStored);
}

/**
 * Writes `data` as a new graph folder `dir` (which must not exist, or be
 * empty). Throws InvalidGraphDataError, leaving nothing behind, when the
 * records break the loader's rules or would not come back the same.
 */
export function importGraph(data: GraphData, dir: string, { file = 'import', at = new Date().toISOString() } = {}): ImportResult {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new InvalidGraphDataError([{ file: dir, path: '', message: 'the folder is not empty: import into a new folder' }]);
  const building = join(dirname(dir), `.${basename(dir)}.importing-${process.pid}`);
  rmSync(building, { recursive: true, force: true });
  try {
    const { files, problems } = articleFiles(data, file);
    if (problems.length) throw new InvalidGraphDataError(problems);
    mkdirSync(join(building, 'facts'), { recursive: true });
    mkdirSync(join(building, 'sources'), { recursive: true });
    for (const { stem, facts } of files) {
      writeFileSync(join(building, 'sources', `${stem}.txt`), facts.text);
      writeFileSync(join(building, 'facts', `${stem}.yaml`), factsFileText(facts, `sources/${stem}.txt`));
    }
    const fromFiles = KnowledgeGraph.fromData(withProblemsIn(dir, building, () => loadGraph(building)));
    const effects: Effects = {
      entities: diff(fromFiles.entities(), data.entities),
      relations: diff(fromFiles.relations(), data.relations),
      conflicts: diff<ConflictRecord>(fromFiles.conflicts(), data.conflicts),
      redirects: [],
    };
    const logged = effects.entities.length + effects.relations.length + effects.conflicts.length;
    if (logged) {
      const logProblems = loggedProblems(effects, data, file);
      if (logProblems.length) throw new InvalidGraphDataError(logProblems);
      const change: Change = { kind: 'IMPORT', ids: [], effects };
      const entry: LogRecord = { revision: 1, at, by: 'import', change };
      writeFileSync(changeLogPath(building), formatRecord(entry));
    }
    const expected = records(KnowledgeGraph.fromData(data));
    const actual = records(readData(building).kg);
    const differs = expected.findIndex((r, i) => !isDeepStrictEqual(r, actual[i]));
    if (differs >= 0 || actual.length !== expected.length) {
      const at = differs >= 0 ? differs : expected.length;
      throw new InvalidGraphDataError([{ file, path: `record ${at + 1}`, message: `the imported graph would not read back the same (${JSON.stringify(expected[at] ?? actual[at]).slice(0, 80)}…): nothing was written` }]);
    }
    // an empty folder is replaced; one that something wrote into meanwhile makes this fail, not vanish
    if (existsSync(dir)) rmdirSync(dir);
    renameSync(building, dir);
    return { entities: data.entities.length, relations: data.relations.length, conflicts: data.conflicts.length, articles: files.length, logged };
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}
