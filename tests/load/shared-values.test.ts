// SharedValues hands out one copy of equal values, and leaves each record
// equal to what it was. (Whether two equal strings are one copy cannot be seen
// from JavaScript: the heap this saves is measured by the benchmark's B6,
// "files to served graph".)

import { describe, expect, it } from 'vitest';
import { SharedValues } from '../../src/load/shared-values.js';
import type { EntityRecord, Evidence, RelationRecord } from '../../src/ontology/index.js';

const evidence = (start: number, article = 'article:a') => ({ article, quote: 'x'.repeat(5), start, end: start + 5 });

describe('SharedValues', () => {
  it('walks nested objects and arrays and leaves numbers, booleans and nulls alone', () => {
    const value = { a: ['x', 'x', { b: 'x', n: 1, t: true, z: null }], c: [[['x']]], u: undefined };
    expect(new SharedValues().strings(value)).toEqual({ a: ['x', 'x', { b: 'x', n: 1, t: true, z: null }], c: [[['x']]], u: undefined });
  });

  it('gives one frozen evidence object for a span of one article, and another for any other span', () => {
    const shared = new SharedValues();
    const first = shared.evidence(evidence(3));
    expect(first).toEqual(evidence(3));
    expect(Object.isFrozen(first)).toBe(true);
    expect(shared.evidence(evidence(3))).toBe(first);
    expect(shared.evidence(evidence(4))).not.toBe(first);
    expect(shared.evidence(evidence(3, 'article:b'))).toEqual(evidence(3, 'article:b'));
    expect(shared.evidence(evidence(3, 'article:b'))).not.toBe(first);
  });

  it('copies a string built by concatenation into an equal string', () => {
    const shared = new SharedValues();
    const parts = ['SIGNED', 'person:nguyen-van-a', 'agreement:mou-9'];
    const id = `${parts[0]}:${parts[1]}->${parts[2]}`;
    expect(shared.flatString(id)).toBe('SIGNED:person:nguyen-van-a->agreement:mou-9');
    expect(shared.flatString('Đoàn công tác')).toBe('Đoàn công tác');
  });
});

describe('SharedValues.finishRecord', () => {
  const entity = (attributes: Record<string, unknown>, evidence: Evidence[]): EntityRecord => ({ id: 'person:a', kind: 'Person', name: 'A', aliases: ['B'], attributes, stated: true, evidence });
  const relation = (properties: Record<string, unknown>, evidence: Evidence[]): RelationRecord => ({ id: 'r', type: 'SIGNED', from: 'person:a', to: 'agreement:m', properties, stated: true, evidence });

  it('gives a copy equal to the record, and leaves the record as it was', () => {
    const shared = new SharedValues();
    const grown: Evidence[] = [];
    grown.push(shared.evidence(evidence(0)), shared.evidence(evidence(9)));
    const records = [entity({ rank: 'Colonel' }, grown), entity({}, [shared.evidence(evidence(0))]), relation({ onBehalfOf: 'police-agency:x', n: 3, b: true }, []), relation({}, [shared.evidence(evidence(3))])];
    const copies = structuredClone(records);
    const finished = records.map((record) => shared.finishRecord(record));
    expect(finished).toEqual(copies);
    expect(records).toEqual(copies);
    expect(finished[0]!.evidence).not.toBe(grown);
  });

  it("sets the ontology's fields first, in one order, and keeps any other field", () => {
    const shared = new SharedValues();
    // fields in the order a spread and grown record may hold them
    const given: EntityRecord = { confidence: 0.5, evidence: [], inference: 'named as its head', stated: false, attributes: {}, aliases: ['B'], name: 'A', kind: 'Person', id: 'person:a' };
    const finished = shared.finishRecord(given);
    expect(Object.keys(finished)).toEqual(['id', 'kind', 'name', 'aliases', 'attributes', 'stated', 'evidence', 'confidence', 'inference']);
    expect(finished).toEqual(given);
    const related = shared.finishRecord({ assertedBy: { by: 'curator', at: '2026-12-03T00:00:00Z' }, ...relation({}, []) });
    expect(Object.keys(related)).toEqual(['id', 'type', 'from', 'to', 'properties', 'stated', 'evidence', 'assertedBy']);
  });

  it('shares, frozen, equal small attributes or properties and one-item evidence lists, and nothing that differs', () => {
    const shared = new SharedValues();
    const one = shared.evidence(evidence(0));
    const [a, b, c, d, e] = [
      entity({ level: 'PROVINCIAL' }, [one]),
      entity({ level: 'PROVINCIAL' }, [one]),
      relation({ level: 'PROVINCIAL' }, [shared.evidence(evidence(1))]),
      relation({}, [one]),
      entity({}, [one, shared.evidence(evidence(1))]),
    ].map((record) => shared.finishRecord(record)) as [EntityRecord, EntityRecord, RelationRecord, RelationRecord, EntityRecord];
    expect(b.attributes).toBe(a.attributes);
    expect(c.properties).toBe(a.attributes);
    expect(e.attributes).toBe(d.properties);
    expect(e.attributes).not.toBe(a.attributes);
    expect(b.evidence).toBe(a.evidence);
    expect(d.evidence).toBe(a.evidence);
    expect(c.evidence).not.toBe(a.evidence);
    for (const frozen of [a.attributes, e.attributes, a.evidence]) expect(Object.isFrozen(frozen)).toBe(true);
    expect(Object.isFrozen(e.evidence)).toBe(false);
    expect(() => a.evidence.push(one)).toThrow(TypeError);
  });

  it('leaves alone an object holding an object, an undefined value or a long text', () => {
    const shared = new SharedValues();
    const nested = { place: { name: 'x' } };
    const undefinedValue = { note: undefined };
    const long = { text: 'x'.repeat(500) };
    const records = [entity(nested, []), entity(undefinedValue, []), entity(long, [])].map((record) => shared.finishRecord(record));
    expect(records.map((r) => r.attributes)).toEqual([nested, undefinedValue, long]);
    for (const record of records) expect(Object.isFrozen(record.attributes)).toBe(false);
    expect(records[1]!.attributes).not.toBe(entity({}, []).attributes);
  });
});
