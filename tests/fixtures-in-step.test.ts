// The project keeps its own copies of what ../shared provides (seed texts,
// gold facts, acceptance queries); when ../shared is beside the project, the
// copies must be identical.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const shared = new URL('../../shared/', import.meta.url);
const copies: [string, URL, URL][] = [
  ['seed texts', new URL('seeds/', shared), new URL('../graph/sources/', import.meta.url)],
  ['gold facts', new URL('seeds/gold/', shared), new URL('fixtures/gold/', import.meta.url)],
  ['acceptance queries', new URL('spec/queries/', shared), new URL('../src/api/playground/', import.meta.url)],
];

describe.skipIf(!existsSync(shared))('copies of ../shared', () => {
  for (const [what, original, copy] of copies) {
    it(`keeps the ${what} identical`, () => {
      const files = readdirSync(original).filter((f) => /\.(txt|json|graphql)$/.test(f));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        expect(readFileSync(new URL(file, copy), 'utf8'), file).toBe(readFileSync(new URL(file, original), 'utf8'));
      }
    });
  }
});
