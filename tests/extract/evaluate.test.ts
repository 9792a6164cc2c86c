// The extractor measured against gold: the two seeds, from an empty graph.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, score, type GoldFile } from '../../src/extract/evaluate.js';
import { proposeFacts } from '../../src/extract/propose.js';

const goldDir = new URL('../fixtures/gold/', import.meta.url);
const seeds = readdirSync(goldDir).map((f) => JSON.parse(readFileSync(new URL(f, goldDir), 'utf8')) as GoldFile);

describe('evaluate', () => {
  it('computes precision, recall and F1 from counts', () => {
    expect(score({ truePositives: 8, falsePositives: 2, falseNegatives: 8 })).toMatchObject({ precision: 0.8, recall: 0.5 });
    expect(score({ truePositives: 8, falsePositives: 2, falseNegatives: 8 }).f1).toBeCloseTo(0.615, 3);
  });

  it('scores a perfect proposal 1 and an empty one 0 recall', () => {
    const gold = seeds[1]!;
    const text = readFileSync(new URL(`../../graph/sources/${gold.article}`, import.meta.url), 'utf8');
    const proposal = proposeFacts({ text });
    const none = evaluate({ ...proposal, entities: [], relations: [] }, gold);
    expect(none.entities.recall).toBe(0);
    expect(none.statedRelations.recall).toBe(0);
  });

  describe.each(seeds.map((g) => [g.article, g] as const))('on the seed %s from an empty graph', (article, gold) => {
    const text = readFileSync(new URL(`../../graph/sources/${article}`, import.meta.url), 'utf8');
    const result = evaluate(proposeFacts({ text }), gold);

    it('finds the entities (F1 ≥ 0.9) and stated relations (F1 ≥ 0.8)', () => {
      expect(result.entities.f1).toBeGreaterThanOrEqual(0.9);
      expect(result.statedRelations.f1).toBeGreaterThanOrEqual(0.8);
    });

    it('marks no inferred fact stated and quotes everything verbatim', () => {
      expect(result.inferredMarkedStated).toBe(0);
      expect(result.quotesNotVerbatim).toBe(0);
    });
  });
});
