// schema.graphql documents itself (every type, field, argument and enum value
// has a description, shown in GraphiQL's docs) and breaks no client of the
// last released schema (graphql-inspector's diff, as `npm run schema:check`).

import { readFileSync } from 'node:fs';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { lastRelease, schemaChanges } from '../../scripts/schema-check.js';

const sdl = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
const schema = buildSchema(sdl);

describe('schema.graphql', () => {
  it('describes every type, field, argument, enum value and directive argument', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    for (const directive of schema.getDirectives()) {
      if (directive.astNode && !directive.description) missing.push(`@${directive.name}`);
      if (directive.astNode) for (const arg of directive.args) if (!arg.description) missing.push(`@${directive.name}(${arg.name})`);
    }
    expect(missing).toEqual([]);
  });

  it(`breaks nothing a client of the last release (${lastRelease()}) relies on`, async () => {
    const { changes } = await schemaChanges();
    expect(changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking).map((c) => c.message)).toEqual([]);
  });

  it('would report a removed field as breaking', async () => {
    const changed = sdl.replace(/\n {2}"The agreement it follows \(the 8th for the 9th\)\."\n {2}follows: Agreement\n/, '\n');
    expect(changed).not.toBe(sdl);
    const breaking = (await diff(schema, buildSchema(changed))).filter((c) => c.criticality.level === CriticalityLevel.Breaking);
    expect(breaking.map((c) => c.message)).toEqual(["Field 'follows' was removed from object type 'Agreement'"]);
  });
});
