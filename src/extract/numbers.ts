// Numbers as written in news: digits with thousands separators, number words
// ("thirty-two", "two hundred"), ordinals ("9th", "ninth").

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };
const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18,
  nineteenth: 19, twentieth: 20, thirtieth: 30,
};

const WORD = [...Object.keys(UNITS), ...Object.keys(TENS)].join('|');
/** A number in digits or words, or "a"/"an" (one). */
export const QUANTITY = `\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|(?:${WORD})(?:[\\s-](?:${WORD}|hundred|thousand|million|and))*|a|an`;
/** "9th", "ninth", "twenty-first" */
export const ORDINAL = `\\d+(?:st|nd|rd|th)|(?:(?:twenty|thirty)-)?(?:${Object.keys(ORDINAL_WORDS).join('|')})`;

/** 2602 for "2,602", 32 for "thirty-two", 1 for "a"; null when not a number. */
export function parseNumber(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d{1,3}(,\d{3})+$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t === 'a' || t === 'an') return 1;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of t.split(/[\s-]+/)) {
    if (word === 'and') continue;
    if (word in UNITS) current += UNITS[word]!;
    else if (word in TENS) current += TENS[word]!;
    else if (word === 'hundred') current = (current || 1) * 100;
    else if (word in SCALES) {
      total += (current || 1) * SCALES[word]!;
      current = 0;
    } else return null;
    seen = true;
  }
  return seen ? total + current : null;
}

/** 9 for "9th" or "ninth"; null otherwise. */
export function parseOrdinal(text: string): number | null {
  const t = text.trim().toLowerCase();
  const digits = /^(\d+)(st|nd|rd|th)$/.exec(t);
  if (digits) return Number(digits[1]);
  const [tens, unit] = t.includes('-') ? t.split('-') : [undefined, t];
  const value = ORDINAL_WORDS[unit!];
  if (value === undefined) return null;
  return (tens ? TENS[tens] ?? 0 : 0) + value;
}

/** 9 → "9th", 2 → "2nd" */
export function ordinalSuffix(n: number): string {
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
