// The saved operations analysts start from: the acceptance queries of
// CONTRACT.md, opened as GraphiQL's tabs (the first is the default).

import { readdirSync, readFileSync } from 'node:fs';

const dir = new URL('./', import.meta.url);

export interface SavedOperation {
  name: string;
  query: string;
  /** JSON text of the variables, when the operation takes some */
  variables?: string;
}

/** Every `NAME.graphql` here, with `NAME.variables.json` when present; "who signed which MoU" first. */
export function savedOperations(): SavedOperation[] {
  const files = readdirSync(dir);
  return files
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => {
      const name = f.replace(/\.graphql$/, '');
      const variables = files.includes(`${name}.variables.json`) ? readFileSync(new URL(`${name}.variables.json`, dir), 'utf8') : undefined;
      return { name, query: readFileSync(new URL(f, dir), 'utf8'), ...(variables ? { variables } : {}) };
    })
    .sort((a, b) => Number(b.name === 'who-signed-which-mou') - Number(a.name === 'who-signed-which-mou') || a.name.localeCompare(b.name));
}
