// Named errors with a machine-readable code, shared by every layer.

/** Codes a client can rely on; GraphQL errors carry them in `extensions.code`. */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'ALREADY_EXISTS'
  | 'PRECONDITION_FAILED'
  | 'PAYLOAD_TOO_LARGE'
  | 'BUDGET_EXCEEDED'
  | 'INVALID_GRAPH_DATA'
  | 'DATA_LOCKED'
  | 'GRAPH_TOO_LARGE';

/** Base class of every expected error: its message is safe to show to a client. */
export class CoopgraphError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'CoopgraphError';
    this.code = code;
  }
}

/** An id that names no entity (or relation). */
export class NotFoundError extends CoopgraphError {
  constructor(message: string) {
    super('NOT_FOUND', message);
    this.name = 'NotFoundError';
  }
}

/** An argument outside what the operation accepts (range, empty string, ...). */
export class InvalidArgumentError extends CoopgraphError {
  constructor(message: string) {
    super('BAD_USER_INPUT', message);
    this.name = 'InvalidArgumentError';
  }
}

/** A traversal that would visit more of the graph, or run longer, than one request may. */
export class BudgetExceededError extends CoopgraphError {
  constructor(message: string) {
    super('BUDGET_EXCEEDED', message);
    this.name = 'BudgetExceededError';
  }
}

/** An operation this server refuses to carry out. */
export class ForbiddenError extends CoopgraphError {
  constructor(message: string) {
    super('FORBIDDEN', message);
    this.name = 'ForbiddenError';
  }
}

/** A write that would create what exists already (an id, a relation). */
export class AlreadyExistsError extends CoopgraphError {
  constructor(message: string) {
    super('ALREADY_EXISTS', message);
    this.name = 'AlreadyExistsError';
  }
}

/** A write the graph's present state does not allow (relations still point at it, changed since the merge, ...). */
export class PreconditionFailedError extends CoopgraphError {
  constructor(message: string) {
    super('PRECONDITION_FAILED', message);
    this.name = 'PreconditionFailedError';
  }
}

/** An input past the size the operation accepts. */
export class PayloadTooLargeError extends CoopgraphError {
  constructor(message: string) {
    super('PAYLOAD_TOO_LARGE', message);
    this.name = 'PayloadTooLargeError';
  }
}

/** Another process holds the data folder for writing. */
export class DataLockedError extends CoopgraphError {
  constructor(message: string) {
    super('DATA_LOCKED', message);
    this.name = 'DataLockedError';
  }
}

/** A graph past what one process can hold: refused before loading, not found out by running out of memory. */
export class GraphTooLargeError extends CoopgraphError {
  constructor(message: string) {
    super('GRAPH_TOO_LARGE', message);
    this.name = 'GraphTooLargeError';
  }
}

/** One problem found in the graph's data files: `file: path-in-file: message`. */
export interface DataProblem {
  file: string;
  path: string;
  message: string;
}

export function formatProblem(p: DataProblem): string {
  return p.path ? `${p.file}: ${p.path}: ${p.message}` : `${p.file}: ${p.message}`;
}

/** Every problem found while loading the graph, reported together. */
export class InvalidGraphDataError extends CoopgraphError {
  readonly problems: DataProblem[];
  constructor(problems: DataProblem[]) {
    super(
      'INVALID_GRAPH_DATA',
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the graph data:\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'InvalidGraphDataError';
    this.problems = problems;
  }
}
