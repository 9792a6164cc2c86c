// coopgraph ingest: article text files → proposed facts → one reviewed-format
// facts file per article in graph/ (or, with --dry-run, only the proposal).

import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { CoopgraphError, InvalidArgumentError, InvalidGraphDataError, formatProblem } from '../../errors.js';
import { knownEntities } from '../../extract/known-entities.js';
import { MAX_ARTICLE_LENGTH, proposeFacts, type Proposal } from '../../extract/propose.js';
import { writeArticle } from '../../load/write-facts.js';
import type { KnowledgeGraph } from '../../store/knowledge-graph.js';
import { lockDataDir } from '../../write/lock.js';
import { readData } from '../../write/open-data.js';
import { loadStore } from '../load.js';
import { graphDir, UsageError, type Command, type Io, type ParsedArgs } from '../usage.js';

export const ingest: Command = {
  summary: 'read articles and add their facts to the graph',
  usage: `coopgraph ingest FILE... [--dry-run] [--json] [--min-confidence N] [--graph DIR]
                [--title T] [--published-on DATE] [--url URL]   (with one FILE)

Reads each article (the MPS portal layout, or plain text with --published-on),
proposes its entities and relations with evidence, resolves them against the
graph, and writes sources/NAME.txt and facts/NAME.yaml (atomically; an article
the graph already holds changes nothing). It locks the folder as a writing
server does, and takes the files back out if the graph, change log
included, no longer loads with them.
  --dry-run           print what would be added, write nothing
  --json              print the proposal in the export format
  --min-confidence N  leave out facts below N (0..1)`,
  options: {
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    'min-confidence': { type: 'string' },
    title: { type: 'string' },
    'published-on': { type: 'string' },
    url: { type: 'string' },
  },
  async run(args, io) {
    if (!args.positionals.length) throw new UsageError('give one or more article text files');
    const single = ['title', 'published-on', 'url'].filter((o) => args.values[o] !== undefined);
    if (single.length && args.positionals.length > 1) throw new UsageError(`--${single[0]} goes with a single FILE`);
    const minConfidence = confidenceOption(args);
    const dir = graphDir(args);
    // one writer at a time: a serving process that writes holds this lock too
    const release = args.values['dry-run'] ? null : lockDataDir(dir);
    try {
      return await ingestFiles(args, io, dir, minConfidence);
    } finally {
      release?.();
    }
  },
};

async function ingestFiles(args: ParsedArgs, io: Io, dir: string, minConfidence: number): Promise<number> {
  let kg = loadStore(args, io);
  const proposals: Proposal[] = [];
  let failed = 0;
  for (const file of args.positionals) {
    try {
      const proposal = proposeFacts(
        {
          text: readArticleFile(file),
          ...(typeof args.values.title === 'string' ? { title: args.values.title } : {}),
          ...(typeof args.values['published-on'] === 'string' ? { publishedOn: args.values['published-on'] } : {}),
          ...(typeof args.values.url === 'string' ? { url: args.values.url } : {}),
        },
        { known: knownEntities(kg), minConfidence },
      );
      proposals.push(proposal);
      if (args.values.json) continue;
      io.stdout(`${summary(file, proposal, kg)}\n`);
      if (args.values['dry-run'] || proposal.alreadyIngested) continue;
      const written = writeArticle(dir, {
        article: proposal.article,
        text: proposal.text,
        entities: proposal.entities.filter((e) => e.kind !== 'Article').map(({ resolution: _r, ...e }) => e),
        relations: proposal.relations,
        conflicts: proposal.conflicts,
      }, (folder) => readData(folder));
      io.stdout(`  wrote ${written.facts}\n`);
      kg = loadStore(args, io);
    } catch (error) {
      if (!(error instanceof CoopgraphError)) throw error;
      failed++;
      const detail = error instanceof InvalidGraphDataError ? error.problems.map(formatProblem).join('\n  ') : error.message;
      io.stderr(`coopgraph ingest: ${file}: ${detail}\n`);
    }
  }
  if (args.values.json) io.stdout(`${JSON.stringify(proposals.length === 1 ? proposals[0] : proposals, null, 2)}\n`);
  return failed ? 1 : 0;
}

function confidenceOption(args: ParsedArgs): number {
  const raw = args.values['min-confidence'];
  if (raw === undefined) return 0;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new UsageError(`--min-confidence: "${String(raw)}" is not a number from 0 to 1`);
  }
  return value;
}

/** The file as UTF-8 text, or a clear error (missing, a folder, too large, not text). */
export function readArticleFile(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new InvalidArgumentError('not a file');
    size = stat.size;
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw error;
    throw new InvalidArgumentError((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read it (${(error as Error).message})`);
  }
  // UTF-8 takes at most 4 bytes a character
  if (size > MAX_ARTICLE_LENGTH * 4) {
    throw new InvalidArgumentError(`the file is ${(size / 1e6).toFixed(1)} MB; an article is at most ${MAX_ARTICLE_LENGTH} characters`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
  } catch {
    throw new InvalidArgumentError('this is not text (binary content or an encoding other than UTF-8)');
  }
}

function summary(file: string, p: Proposal, kg: KnowledgeGraph): string {
  if (p.alreadyIngested) return `${basename(file)}: already in the graph as ${p.alreadyIngested}; nothing changes`;
  const merged = p.entities.filter((e) => e.resolution === 'MERGED').length;
  const known = p.relations.filter((r) => kg.findRelation(r.id)).length;
  const inferred = p.relations.filter((r) => !r.stated).length;
  const lines = [
    `${basename(file)}: ${p.article.id} "${p.article.title}" (${p.article.publishedOn})`,
    `  entities: ${p.entities.length - merged} new, ${merged} merged into the graph's`,
    `  relations: ${p.relations.length - known} new, ${known} already known (${inferred} inferred)`,
  ];
  if (p.unresolved.length) lines.push(`  unresolved mentions: ${p.unresolved.map((u) => `"${u.text}"`).join(', ')}`);
  for (const warning of p.warnings) lines.push(`  warning: ${warning}`);
  return lines.join('\n');
}
