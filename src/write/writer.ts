// The one writer of a data folder. Each write is planned against the graph
// (every check runs there), appended to the change log and synced, and only
// then applied to the graph in memory: an acknowledged write is on disk, a
// refused or failed one changes neither the files nor the graph. Planning,
// appending and applying run in one synchronous step, so writes never interleave.

import { ForbiddenError } from '../errors.js';
import type { KnowledgeGraph } from '../store/knowledge-graph.js';
import type { Actor } from '../store/changes/checks.js';
import { applyEffects, type Change } from '../store/changes/effects.js';
import type { ChangeLogFile, LogRecord } from './change-log.js';

export type CommitListener = (record: LogRecord) => void;

export class Writer {
  private readonly listeners = new Set<CommitListener>();
  private readonly byKey = new Map<string, LogRecord>();
  private closed = false;

  constructor(
    readonly kg: KnowledgeGraph,
    private readonly log: ChangeLogFile,
    /** every committed change, oldest first (replayed from the log, then appended) */
    readonly history: LogRecord[],
    private readonly release: () => void = () => {},
    /** the time each change is stamped with */
    private readonly clock: () => Date = () => new Date(),
  ) {
    for (const record of history) if (record.change.idempotencyKey) this.byKey.set(record.change.idempotencyKey, record);
  }

  /** Revision of the last committed change (0: none). */
  get revision(): number {
    return this.history.at(-1)?.revision ?? 0;
  }

  /** The change committed earlier under this idempotency key, if any. */
  findByKey(key: string): LogRecord | null {
    return this.byKey.get(key) ?? null;
  }

  /**
   * Plans the change as `by`, makes it durable, applies it, tells the
   * listeners, and returns its record. A plan that throws writes nothing.
   */
  commit(by: string, plan: (kg: KnowledgeGraph, actor: Actor) => Change): LogRecord {
    if (this.closed) throw new ForbiddenError('the data folder is closed for writing: the server is stopping');
    const at = this.clock().toISOString();
    const change = plan(this.kg, { by, at });
    const record: LogRecord = { revision: this.revision + 1, at, by, change };
    this.log.append(record);
    applyEffects(this.kg, change.effects);
    this.history.push(record);
    if (change.idempotencyKey) this.byKey.set(change.idempotencyKey, record);
    for (const listener of this.listeners) listener(record);
    return record;
  }

  /** The latest merge of `id` still in effect, or null. */
  mergeOf(id: string): Change | null {
    if (!this.kg.redirectOf(id)) return null;
    for (let i = this.history.length - 1; i >= 0; i--) {
      const change = this.history[i]!.change;
      if (change.kind === 'MERGE_ENTITIES' && change.ids[1] === id) return change;
    }
    return null;
  }

  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Refuses further writes, closes the log and releases the lock. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.log.close();
    this.release();
  }
}
