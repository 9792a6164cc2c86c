import { describe, expect, it } from 'vitest';
import { ordinalSuffix, parseNumber, parseOrdinal } from '../../src/extract/numbers.js';

describe('numbers', () => {
  it.each([
    ['46', 46],
    ['2,602', 2602],
    ['nine', 9],
    ['thirty-two', 32],
    ['two hundred and five', 205],
    ['a', 1],
    ['twelve', 12],
  ])('reads %s as %d', (text, value) => expect(parseNumber(text)).toBe(value));

  it('returns null for a word that is not a number', () => expect(parseNumber('several')).toBeNull());

  it.each([
    ['9th', 9],
    ['2nd', 2],
    ['ninth', 9],
    ['twenty-first', 21],
  ])('reads the ordinal %s as %d', (text, value) => expect(parseOrdinal(text)).toBe(value));

  it('writes ordinals with their suffix', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22].map(ordinalSuffix)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd']);
  });
});
