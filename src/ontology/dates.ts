// ISO 8601 partial dates (`2019`, `2019-05`, `2019-04-25`) and their comparison.

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Whether the string is a real calendar date at year, month or day precision. */
export function isPartialDate(value: string): boolean {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/** The first and last day a partial date can mean: `2019-05` → [`2019-05-01`, `2019-05-31`]. */
export function dateRange(value: string): [string, string] {
  const [y, mo, d] = value.split('-');
  if (d !== undefined) return [value, value];
  if (mo !== undefined) {
    const last = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    return [`${y}-${mo}-01`, `${y}-${mo}-${String(last).padStart(2, '0')}`];
  }
  return [`${y}-01-01`, `${y}-12-31`];
}

/**
 * Whether a partial date may fall within [from, to] (either bound optional):
 * `2019-05` lies within from `2019-05-10`, since part of May does.
 */
export function overlapsRange(value: string, from?: string, to?: string): boolean {
  const [start, end] = dateRange(value);
  if (from !== undefined && end < dateRange(from)[0]) return false;
  if (to !== undefined && start > dateRange(to)[1]) return false;
  return true;
}
