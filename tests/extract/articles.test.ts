// The extractor on twenty-one articles written for these tests: the same genre as
// the seeds, with other places (Laos, Cambodia, other Chinese prefectures),
// people, phrasing and counterparts. Each has a gold file (make-gold.py).

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, type GoldFile } from '../../src/extract/evaluate.js';
import { proposeFacts } from '../../src/extract/propose.js';

const dir = new URL('../fixtures/articles/', import.meta.url);
const golds = readdirSync(new URL('gold/', dir)).map((f) => JSON.parse(readFileSync(new URL(`gold/${f}`, dir), 'utf8')) as GoldFile);

describe('extraction of articles written for the tests', () => {
  it('has twenty-one articles with gold', () => expect(golds).toHaveLength(21));

  describe.each(golds.map((g) => [g.article, g] as const))('%s', (article, gold) => {
    const text = readFileSync(new URL(article, dir), 'utf8');
    const result = evaluate(proposeFacts({ text }), gold);

    it('has a gold whose quotes are verbatim', () => {
      for (const r of gold.relations) expect(text.includes(r.quote), r.quote).toBe(true);
    });

    it('finds the entities (F1 ≥ 0.9) and the stated relations (F1 ≥ 0.8)', () => {
      expect(result.entities.f1, result.missed.join('\n')).toBeGreaterThanOrEqual(0.9);
      expect(result.statedRelations.f1, result.missed.join('\n')).toBeGreaterThanOrEqual(0.8);
    });

    it('marks no inferred fact stated and quotes verbatim', () => {
      expect(result.inferredMarkedStated).toBe(0);
      expect(result.quotesNotVerbatim).toBe(0);
    });
  });
});
