// A committed change (a change-log record): what it did, who, when.

import type { LogRecord } from '../../write/change-log.js';

export const Change = {
  kind: (r: LogRecord) => r.change.kind,
  ids: (r: LogRecord) => r.change.ids,
  entities: (r: LogRecord) => r.change.effects.entities.flatMap((e) => e.after ?? []),
  relations: (r: LogRecord) => r.change.effects.relations.flatMap((e) => e.after ?? []),
  removedIds: (r: LogRecord) => [...r.change.effects.entities, ...r.change.effects.relations].filter((e) => !e.after).map((e) => e.id),
  idempotencyKey: (r: LogRecord) => r.change.idempotencyKey ?? null,
};
