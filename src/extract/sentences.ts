// Stage 2: the body → sentences with their offsets in the article (compromise).

import nlp from 'compromise';
import type { ArticleDocument, Span } from './document.js';

export interface Sentence extends Span {
  index: number;
}

/** Sentences of the body, captions left out, offsets into the whole text. */
export function splitSentences(doc: ArticleDocument): Sentence[] {
  const { body } = doc;
  // tokenize only: sentence bounds need no part-of-speech tagging
  const found = nlp.tokenize(body.text).json({ offset: true }) as { offset: { start: number; length: number } }[];
  const sentences: Sentence[] = [];
  for (const { offset } of found) {
    // compromise keeps paragraph breaks inside a sentence when a line lacks a full stop
    const raw = body.text.slice(offset.start, offset.start + offset.length);
    let from = body.start + offset.start;
    for (const part of raw.split(/\n\s*\n?/)) {
      const lead = part.length - part.trimStart().length;
      const trimmed = part.trim();
      const start = from + lead;
      from += part.length + 1;
      if (!trimmed) continue;
      if (doc.captions.some((c) => c.start === start)) continue;
      sentences.push({ start, end: start + trimmed.length, text: trimmed, index: sentences.length });
    }
  }
  return sentences;
}
