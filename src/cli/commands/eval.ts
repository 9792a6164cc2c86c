// coopgraph eval: extract each text into an empty graph and score it against
// its gold file: precision, recall and F1 by entity kind and relation type.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addCounts, evaluate, score, type Counts, type Evaluation, type GoldFile, type Score } from '../../extract/evaluate.js';
import { proposeFacts } from '../../extract/propose.js';
import { readArticleFile } from './ingest.js';
import { UsageError, type Command } from '../usage.js';

export const evalCommand: Command = {
  summary: 'score the extractor against gold files',
  usage: `coopgraph eval --gold DIR --texts DIR [--json]

For each NAME.json in the gold folder (the format of the seeds' gold), reads
the text its "article" field names from the texts folder, extracts it into an
empty graph and scores entities and relations (stated and inferred apart).`,
  options: { gold: { type: 'string' }, texts: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, io) {
    const goldDir = args.values.gold;
    const textDir = args.values.texts;
    if (typeof goldDir !== 'string' || typeof textDir !== 'string') throw new UsageError('give --gold DIR and --texts DIR');
    if (!existsSync(goldDir)) throw new UsageError(`--gold: ${goldDir} does not exist`);
    const files = readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort();
    if (!files.length) throw new UsageError(`--gold: no .json gold files in ${goldDir}`);
    const results: { article: string; evaluation: Evaluation }[] = [];
    for (const file of files) {
      const gold = JSON.parse(readFileSync(join(goldDir, file), 'utf8')) as GoldFile;
      const text = readArticleFile(join(textDir, gold.article));
      const proposal = proposeFacts({ text, ...(gold.publishedOn ? { publishedOn: gold.publishedOn } : {}) });
      results.push({ article: gold.article, evaluation: evaluate(proposal, gold) });
    }
    const overall = totals(results.map((r) => r.evaluation));
    if (args.values.json) {
      io.stdout(`${JSON.stringify({ articles: results, overall }, null, 2)}\n`);
      return 0;
    }
    const row = (label: string, s: Score) =>
      `${label.padEnd(34)} ${s.precision.toFixed(2)}  ${s.recall.toFixed(2)}  ${s.f1.toFixed(2)}   ${String(s.truePositives).padStart(4)} ${String(s.falsePositives).padStart(4)} ${String(s.falseNegatives).padStart(4)}`;
    const lines = [`${''.padEnd(34)} P     R     F1     TP   FP   FN`];
    for (const { article, evaluation } of results) {
      lines.push(article, row('  entities', evaluation.entities), row('  stated relations', evaluation.statedRelations), row('  inferred relations', evaluation.inferredRelations));
    }
    lines.push('overall', row('  entities', overall.entities), row('  stated relations', overall.statedRelations), row('  inferred relations', overall.inferredRelations));
    lines.push('by kind');
    for (const [kind, s] of Object.entries(overall.byKind).sort()) lines.push(row(`  ${kind}`, s));
    lines.push('by relation type (stated)');
    for (const [type, s] of Object.entries(overall.byType).sort()) lines.push(row(`  ${type}`, s));
    lines.push(`inferred facts marked stated: ${overall.inferredMarkedStated}; quotes not verbatim: ${overall.quotesNotVerbatim}`);
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
};

/** Micro-averaged totals over articles. */
function totals(evaluations: Evaluation[]) {
  const sum = (pick: (e: Evaluation) => Counts) => {
    const c: Counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
    for (const e of evaluations) addCounts(c, pick(e));
    return score(c);
  };
  const grouped = (pick: (e: Evaluation) => Record<string, Counts>) => {
    const keys = new Set(evaluations.flatMap((e) => Object.keys(pick(e))));
    return Object.fromEntries([...keys].map((k) => [k, sum((e) => pick(e)[k] ?? { truePositives: 0, falsePositives: 0, falseNegatives: 0 })]));
  };
  return {
    entities: sum((e) => e.entities),
    statedRelations: sum((e) => e.statedRelations),
    inferredRelations: sum((e) => e.inferredRelations),
    byKind: grouped((e) => e.byKind),
    byType: grouped((e) => e.byType),
    inferredMarkedStated: evaluations.reduce((n, e) => n + e.inferredMarkedStated, 0),
    quotesNotVerbatim: evaluations.reduce((n, e) => n + e.quotesNotVerbatim, 0),
  };
}
