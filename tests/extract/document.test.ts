import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle, parseDateLine } from '../../src/extract/document.js';
import { splitSentences } from '../../src/extract/sentences.js';

const seed = readFileSync(new URL('../../graph/sources/001_5bf859b125cfd1d9.txt', import.meta.url), 'utf8');

describe('parseArticle', () => {
  it('reads the portal layout: title, date line, byline, captions', () => {
    const doc = parseArticle(seed);
    expect(doc.title?.text).toBe('Dien Bien Provincial Police, Police of Pu’er city of Yunnan agree to join effort to maintain order and security along the shared border');
    expect(doc.date).toBe('2019-05-25');
    expect(doc.author?.text).toBe('Duy Tien');
    expect(doc.byline?.text).toBe('by Duy Tien');
    expect(doc.captions.map((c) => c.text)).toEqual(['An overview of the talk.', 'Leaders of the two police departments sign the MoU.']);
    expect(doc.body.text.startsWith('MPS - The Provincial Police Department')).toBe(true);
    for (const part of [doc.title!, doc.author!, doc.body]) expect(seed.slice(part.start, part.end)).toBe(part.text);
  });

  it('takes plain text with no header as all body', () => {
    const doc = parseArticle('The Lao Cai Provincial Police met the Honghe police.\nThey signed an agreement.');
    expect(doc.title).toBeNull();
    expect(doc.date).toBeNull();
    expect(doc.body.text).toBe('The Lao Cai Provincial Police met the Honghe police.\nThey signed an agreement.');
  });

  it.each([
    ['May, 25 2019', '2019-05-25'],
    ['25 May 2019', '2019-05-25'],
    ['June 3, 2020', '2020-06-03'],
    ['2019-04-25', '2019-04-25'],
  ])('reads the date line %s', (line, iso) => expect(parseDateLine(line)).toBe(iso));

  it('does not take a sentence with a date in it for a date line', () => {
    expect(parseDateLine('The two sides met on May 25, 2019 in Hanoi to review the cooperation.')).toBeNull();
  });
});

describe('splitSentences', () => {
  it('gives sentences with offsets into the article, captions left out', () => {
    const doc = parseArticle(seed);
    const sentences = splitSentences(doc);
    expect(sentences).toHaveLength(8);
    for (const s of sentences) expect(seed.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.some((s) => s.text === 'An overview of the talk.')).toBe(false);
    expect(sentences.at(-1)!.text).toBe('At the end of the talk, leaders of the two police departments signed their 9th MoU.');
  });
});
