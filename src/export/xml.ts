// Text and attribute values for XML: the five escapes and character references
// for line breaks, and the characters XML 1.0 cannot hold at all taken out.

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
// line breaks and tabs as references too: an attribute value's would be read as spaces
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

export function xml(value: string | number | boolean): string {
  return String(value)
    .replace(NOT_XML, '')
    .replace(/[&<>"'\n\r\t]/g, (c) => ESCAPES[c]!);
}
