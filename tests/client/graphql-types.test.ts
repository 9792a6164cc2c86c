// The client types are what GraphQL Code Generator makes of schema.graphql and
// the shipped operations today: a schema change that breaks an operation
// fails to generate, and a change left ungenerated fails here.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_TYPES, generateClientTypes } from '../../scripts/codegen.js';

describe('src/client/graphql-types.ts', () => {
  it('is in step with schema.graphql and the operations (else: npm run codegen)', async () => {
    expect(readFileSync(CLIENT_TYPES, 'utf8') === (await generateClientTypes()), 'src/client/graphql-types.ts is stale: run npm run codegen').toBe(true);
  });

  it('types every shipped operation, its answer and its variables', () => {
    const types = readFileSync(CLIENT_TYPES, 'utf8');
    for (const name of ['WhoSignedWhichMoUQuery', 'ConnectionQuery', 'ExplorerEntityQuery', 'ExplorerPathQueryVariables']) {
      expect(types).toContain(`export type ${name} =`);
    }
  });
});
