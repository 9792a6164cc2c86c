// "did you mean …" suggestions for messages (after graphql-js `didYouMean`).

import { closest, distance } from 'fastest-levenshtein';

/** ` (did you mean "x"?)` when an option is close to the value, else ''. */
export function didYouMean(value: string, options: readonly string[]): string {
  if (options.length === 0 || value.length === 0) return '';
  const best = closest(value, options);
  const threshold = Math.max(2, Math.floor(value.length / 3));
  return distance(value, best) <= threshold ? ` (did you mean "${best}"?)` : '';
}
