// The error a call throws, so tests can assert its class, code and message together.

/** Calls `fn` and returns what it throws; fails when it returns normally. */
export function thrown(fn: () => unknown): Error & { code?: string } {
  try {
    fn();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected the call to throw, but it returned');
}
