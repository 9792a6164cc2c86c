// The explorer's operations are the public API's: each one validates against
// schema.graphql, so a schema change that would break the page fails here.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../src/api/schema.js';

const DIR = fileURLToPath(new URL('../../src/explorer/operations/', import.meta.url));
const schema = createSchema();

describe('the explorer\'s operations', () => {
  const files = readdirSync(DIR).filter((file) => file.endsWith('.graphql'));

  it('are all here', () => {
    expect(files.sort()).toEqual(['entity.graphql', 'mous.graphql', 'neighborhood.graphql', 'relation.graphql', 'search.graphql', 'shortest-path.graphql']);
  });

  for (const file of files) {
    it(`${file} validates against the schema`, () => {
      expect(validate(schema, parse(readFileSync(`${DIR}${file}`, 'utf8'))).map((e) => e.message)).toEqual([]);
    });
  }
});
