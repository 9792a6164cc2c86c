// Stage 1: article text → its parts. Reads the MPS portal layout (boilerplate
// line, title, date line such as "May, 25 2019", body, byline "by Duy Tien")
// and falls back to plain text (everything is body) when there is no header.

import * as chrono from 'chrono-node';

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface ArticleDocument {
  text: string;
  title: Span | null;
  /** ISO date of the date line */
  date: string | null;
  dateLine: Span | null;
  author: Span | null;
  /** the byline as written ("by Duy Tien"), evidence for the author */
  byline: Span | null;
  /** where facts are read from: between the header and the byline */
  body: Span;
  /** short lines in the body (photo captions): not read for facts */
  captions: Span[];
}

const BOILERPLATE = /^(Ministry of Public Security Portal is under construction|Home|Print|Share)$/i;
const BYLINE = /^by\s+([A-Z][\p{L}'’.-]*(?:\s+[A-Z][\p{L}'’.-]*){0,4})\s*$/u;
/** A caption is a short line: a few words, no sentence inside. */
const MAX_CAPTION_WORDS = 9;

interface Line extends Span {
  index: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  text.split('\n').forEach((raw, index) => {
    const trimmed = raw.trim();
    const at = start + raw.indexOf(trimmed);
    if (trimmed) lines.push({ start: at, end: at + trimmed.length, text: trimmed, index });
    start += raw.length + 1;
  });
  return lines;
}

/** An ISO date when the whole line is a date ("May, 25 2019", "25 May 2019", "2019-05-25"). */
export function parseDateLine(line: string): string | null {
  if (line.length > 40) return null;
  const [result] = chrono.parse(line);
  if (!result || result.text.length < line.replace(/[.,\s]+$/, '').length - 2) return null;
  const { start } = result;
  if (!start.isCertain('year') || !start.isCertain('month')) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const year = start.get('year')!;
  const month = start.get('month')!;
  return start.isCertain('day') ? `${year}-${pad(month)}-${pad(start.get('day')!)}` : `${year}-${pad(month)}`;
}

export function parseArticle(text: string): ArticleDocument {
  const lines = linesOf(text).filter((l) => !BOILERPLATE.test(l.text));
  let title: Span | null = null;
  let date: string | null = null;
  let dateLine: Span | null = null;
  let first = 0;
  // header: a title line, then a date line, within the first lines
  for (let i = 0; i < Math.min(lines.length, 4); i++) {
    const parsed = parseDateLine(lines[i]!.text);
    if (parsed) {
      date = parsed;
      dateLine = lines[i]!;
      if (i > 0) title = lines[i - 1]!;
      first = i + 1;
      break;
    }
  }
  let last = lines.length;
  let author: Span | null = null;
  let byline: Span | null = null;
  const lastLine = lines.at(-1);
  const by = lastLine ? BYLINE.exec(lastLine.text) : null;
  if (lastLine && by) {
    byline = lastLine;
    const offset = lastLine.text.indexOf(by[1]!);
    author = { start: lastLine.start + offset, end: lastLine.start + offset + by[1]!.length, text: by[1]! };
    last -= 1;
  }
  const bodyLines = lines.slice(first, last);
  const body: Span = bodyLines.length
    ? { start: bodyLines[0]!.start, end: bodyLines.at(-1)!.end, text: text.slice(bodyLines[0]!.start, bodyLines.at(-1)!.end) }
    : { start: 0, end: 0, text: '' };
  const captions = bodyLines.filter((l) => l.text.split(/\s+/).length <= MAX_CAPTION_WORDS && !/\d/.test(l.text));
  return { text, title, date, dateLine, author, byline, body, captions };
}
