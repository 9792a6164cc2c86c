// One copy of each value the loaded records share, and no slack in them.
// JSON.parse and YAML make a new string for every occurrence, checking makes
// an evidence object for every quote of every fact, and an array grown by
// push keeps room for 17 items. A heap snapshot of a served graph of 20,000
// entities (98 MB) found copies of entity ids held by relation ids built by
// concatenation (20 MB), evidence arrays with room for 17 (17 MB) and one
// evidence object per fact where 8,000 spans of text were quoted (8 MB).
// Shared objects and arrays are frozen: the store never changes a record in
// place (a write replaces it), and freezing makes sure of that.

import type { EntityRecord, Evidence, RelationRecord } from '../ontology/index.js';

/** Attributes or properties objects at most this long (as JSON) are shared: roles, levels, titles. */
const SHARED_FIELDS_MAX_JSON = 200;

export class SharedValues {
  private readonly stringPool = new Map<string, string>();
  private readonly evidencePool = new Map<string, Evidence>();
  /** each shared evidence object → the one-item list of it, which most facts have */
  private readonly singleEvidence = new Map<Evidence, Evidence[]>();
  private readonly fieldsPool = new Map<string, Record<string, unknown>>();

  /** The one copy of `s`. */
  string(s: string): string {
    const held = this.stringPool.get(s);
    if (held !== undefined) return held;
    this.stringPool.set(s, s);
    return s;
  }

  /**
   * The one copy of a string built by concatenation, such as a relation id.
   * V8 keeps such a string as a tree of its parts (each part a copy of an
   * entity id): the copy is one flat string.
   */
  flatString(s: string): string {
    const held = this.stringPool.get(s);
    if (held !== undefined) return held;
    const flat = Buffer.from(s, 'utf8').toString('utf8');
    this.stringPool.set(flat, flat);
    return flat;
  }

  /** Replaces, in place, every string in plain objects and arrays with its one copy; returns `value`. */
  strings<T>(value: T): T {
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) {
        for (let i = 0; i < node.length; i++) {
          const item: unknown = node[i];
          if (typeof item === 'string') node[i] = this.string(item);
          else if (item !== null && typeof item === 'object') walk(item);
        }
      } else if (node !== null && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        for (const key in record) {
          const item = record[key];
          if (typeof item === 'string') record[key] = this.string(item);
          else if (item !== null && typeof item === 'object') walk(item);
        }
      }
    };
    walk(value);
    return value;
  }

  /** The one evidence object for this span of this article (frozen: facts share it). */
  evidence(evidence: Evidence): Evidence {
    const key = `${evidence.start}:${evidence.end}:${evidence.article}`;
    const held = this.evidencePool.get(key);
    if (held !== undefined) return held;
    const shared = Object.freeze({ article: this.string(evidence.article), quote: this.string(evidence.quote), start: evidence.start, end: evidence.end });
    this.evidencePool.set(key, shared);
    return shared;
  }

  /**
   * The finished copy of a record: its lists and objects replaced with shared
   * equal ones where it can (a one-item evidence list, small attributes), and
   * else with copies of their length. Its fields are set in one object
   * literal, the ontology's first: V8 then keeps them inside the object,
   * where a record built by spreading and adding fields keeps some in an
   * array of its own, one object more per record for every collection to
   * mark (BENCHMARKS.md, change 19). Any other field follows, as it was.
   */
  finishRecord<T extends EntityRecord | RelationRecord>(record: T): T {
    const evidence = record.evidence.length === 1 ? this.evidenceList(record.evidence[0]!) : record.evidence.slice();
    const finished: Record<string, unknown> =
      'aliases' in record
        ? { id: record.id, kind: record.kind, name: record.name, aliases: record.aliases.slice(), attributes: this.fields(record.attributes), stated: record.stated, evidence }
        : { id: record.id, type: record.type, from: record.from, to: record.to, properties: this.fields(record.properties), stated: record.stated, evidence };
    for (const key of Object.keys(record)) if (!(key in finished)) finished[key] = record[key as keyof T];
    return finished as T;
  }

  private evidenceList(evidence: Evidence): Evidence[] {
    let list = this.singleEvidence.get(evidence);
    if (!list) this.singleEvidence.set(evidence, (list = Object.freeze([evidence]) as Evidence[]));
    return list;
  }

  /** The one frozen copy of a small object of strings, numbers and booleans; any other object as it is. */
  private fields(object: Record<string, unknown>): Record<string, unknown> {
    for (const key in object) {
      const value = object[key];
      if (value === undefined || (value !== null && typeof value === 'object') || (typeof value === 'string' && value.length > SHARED_FIELDS_MAX_JSON)) return object;
    }
    const key = JSON.stringify(object);
    if (key.length > SHARED_FIELDS_MAX_JSON) return object;
    let shared = this.fieldsPool.get(key);
    if (!shared) this.fieldsPool.set(key, (shared = Object.freeze(object)));
    return shared;
  }
}
