// Joining two accounts of the same fact (two articles, or an article and a
// curator): the rules the loader and the write side share.

import { normalizeName } from './names.js';
import type { Evidence } from './records.js';

/** Aliases without duplicates (by the matching rule) and without the name itself. */
export function uniqueNames(aliases: readonly string[], name: string): string[] {
  const seen = new Set([normalizeName(name)]);
  return aliases.filter((alias) => {
    const key = normalizeName(alias);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A fact stated anywhere is stated; an inference line only survives while no
 * source states it; a curated source (no confidence) makes the fact curated.
 */
export function mergeStated(
  existing: { stated: boolean; inference?: string; confidence?: number },
  input: { stated: boolean; inference?: string; confidence?: number },
) {
  if (existing.confidence !== undefined) {
    if (input.confidence === undefined) delete existing.confidence;
    else existing.confidence = Math.max(existing.confidence, input.confidence);
  }
  if (input.stated && !existing.stated) {
    existing.stated = true;
    delete existing.inference;
  }
  if (!existing.stated && !existing.inference && input.inference) existing.inference = input.inference;
}

/** Finds each quote in the text, checking given offsets and computing missing ones. */
export function resolveEvidence(
  inputs: readonly { quote: string; start?: number | undefined; end?: number | undefined }[],
  article: string,
  text: string,
  source: string,
  problem: (index: number, message: string) => void,
): Evidence[] {
  const found: Evidence[] = [];
  inputs.forEach((input, i) => {
    const { quote } = input;
    const at = text.indexOf(quote);
    if (at < 0) {
      const hint = normalizeName(text).includes(normalizeName(quote)) ? ' (it differs only in case, spacing or punctuation)' : '';
      problem(i, `quote "${abbreviate(quote)}" is not in the text of ${source}${hint}`);
      return;
    }
    if (input.start === undefined && input.end === undefined) {
      found.push({ article, quote, start: at, end: at + quote.length });
      return;
    }
    if (input.start === undefined || input.end === undefined) {
      problem(i, 'give both "start" and "end", or neither');
      return;
    }
    if (text.slice(input.start, input.end) !== quote) {
      problem(i, `quote "${abbreviate(quote)}" is not at ${input.start}..${input.end} of ${source}; it first occurs at ${at}..${at + quote.length}`);
      return;
    }
    found.push({ article, quote, start: input.start, end: input.end });
  });
  return found;
}

function abbreviate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
