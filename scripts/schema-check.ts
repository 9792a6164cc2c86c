// Reports how schema.graphql differs from the last released schema
// (releases/schema-<version>.graphql, the newest), with graphql-inspector's
// criticality for each change, and fails on a breaking one: a field, type or
// argument removed or changed incompatibly. Deprecate (`@deprecated`) instead
// of removing; release by copying schema.graphql to releases/.
//
//   npm run schema:check    (.ci/run runs it; a test does the same check)

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

const root = new URL('../', import.meta.url);

/** The newest released schema's file name. */
export function lastRelease(): string {
  const versions = readdirSync(new URL('releases/', root))
    .map((f) => /^schema-(\d+)\.(\d+)\.(\d+)\.graphql$/.exec(f))
    .filter((m) => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]) || Number(a[2]) - Number(b[2]) || Number(a[3]) - Number(b[3]));
  const newest = versions.at(-1);
  if (!newest) throw new Error('releases/ holds no schema-X.Y.Z.graphql');
  return newest[0];
}

export async function schemaChanges(): Promise<{ release: string; changes: Change[] }> {
  const release = lastRelease();
  const load = (path: string) => buildSchema(readFileSync(new URL(path, root), 'utf8'));
  return { release, changes: await diff(load(`releases/${release}`), load('schema.graphql')) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { release, changes } = await schemaChanges();
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  console.log(`schema.graphql against releases/${release}: ${changes.length} changes, ${breaking.length} breaking`);
  // breaking and dangerous changes one by one; the safe ones counted
  for (const c of changes.filter((c) => c.criticality.level !== CriticalityLevel.NonBreaking)) {
    console.log(`  ${c.criticality.level.padEnd(13)} ${c.message}${c.criticality.reason ? ` (${c.criticality.reason})` : ''}`);
  }
  console.log(`  ${changes.filter((c) => c.criticality.level === CriticalityLevel.NonBreaking).length} safe changes (descriptions, additions)`);
  process.exit(breaking.length ? 1 : 0);
}
