// A Content-Type header value as CPython 3.14 reads it when packaging sets it on an EmailMessage
// (email._header_value_parser.parse_content_type_header, the ContentTypeHeader built on it, and
// Message.get_content_type): packaging's Description-Content-Type check hangs on this parser's
// lenient recovery: what the text before the first ';' reads as, which parameters survive and
// with which value, which "defects" it notes, and where it raises instead. Modelled from the
// CPython source, rule by rule; test/metadata-differential.test.ts compares the verdicts built on
// it with packaging's under CPython 3.14.
import { pythonStrip } from '../common/python-text.js';
import { codecOf, decodeBytes, type DecodedWord } from './encoded-words.js';
import { mimeParameters, sectionNumber } from './mime-parameters.js';
import * as t from './mime-tokens.js';

export { ParserCrash } from './mime-tokens.js';

export interface ParsedContentType {
  /** get_content_type(): the text before the first ';', lower-cased; text/plain unless it has one '/'. */
  contentType: string;
  /** ContentTypeHeader.params, names lower-cased. */
  params: Map<string, string>;
  /** The parser noted a defect (packaging 26.3 refuses those). */
  defective: boolean;
}

// str.splitlines() boundaries: a header value with a line break inside is refused before parsing.
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;

/** _find_mime_parameters: after an unreadable type, skip to the first ';' and read parameters from there. */
function findParameters(list: t.Node, text: string): void {
  const rest = t.skipToSemicolon(list, text);
  if (rest === '') return;
  list.kids.push(t.terminal('parameter-separator', ';'), mimeParameters(rest.slice(1)));
}

function contentTypeTree(text: string): t.Node {
  const ctype = t.node('content-type');
  if (text === '') {
    ctype.defects++;
    return ctype;
  }
  let rest = text;
  let kid: t.Node;
  for (const part of ['maintype', 'subtype']) {
    try {
      [kid, rest] = t.token(rest);
    } catch (e) {
      if (!(e instanceof t.ParseError)) throw e;
      ctype.defects++;
      findParameters(ctype, rest);
      return ctype;
    }
    ctype.kids.push(kid);
    if (part === 'subtype') break;
    if (!rest.startsWith('/')) {
      ctype.defects++;
      if (rest !== '') findParameters(ctype, rest);
      return ctype;
    }
    ctype.kids.push(t.terminal('content-type-separator', '/'));
    rest = rest.slice(1);
  }
  if (rest === '') return ctype;
  if (!rest.startsWith(';')) {
    ctype.defects++;
    findParameters(ctype, rest);
    return ctype;
  }
  ctype.kids.push(t.terminal('parameter-separator', ';'), mimeParameters(rest.slice(1)));
  return ctype;
}

/**
 * MimeParameters.params, then ContentTypeHeader's dict of lower-cased names (a later spelling
 * wins), and the defects noted on the way (repeats, RFC 2231 numbering gaps, undecodable bytes):
 * str() of the header walks the parameters before its defects are gathered, so they count.
 */
function parametersOf(tree: t.Node): { params: Map<string, string>; defects: number } {
  const list = [...tree.kids].reverse().find((k) => k.kind === 'mime-parameters');
  const byName = new Map<string, t.Node[]>();
  for (const param of list?.kids ?? []) {
    if (!param.kind.endsWith('parameter') || param.kids[0]?.kind !== 'attribute') continue;
    const name = pythonStrip(t.value(param.kids[0]));
    byName.set(name, [...(byName.get(name) ?? []), param]);
  }
  const params = new Map<string, string>();
  let defects = 0;
  for (const [name, found] of byName) {
    let parts = [...found].sort((a, b) => sectionNumber(a) - sectionNumber(b));
    const first = parts[0]!;
    if (!first.extended && parts.length > 1 && sectionNumber(parts[1]!) === 0) {
      defects++;
      parts = parts.slice(0, 1);
    }
    const pieces: string[] = [];
    let expected = 0;
    for (const param of parts) {
      if (sectionNumber(param) !== expected) {
        defects++;
        if (!param.extended) continue;
      }
      expected++;
      const raw = parameterText(param);
      if (!param.extended) pieces.push(raw);
      else {
        const decoded = decodePercent(raw, first.charset ?? 'us-ascii');
        defects += Number(decoded.defective);
        pieces.push(decoded.text);
      }
    }
    params.set(name.toLowerCase(), pieces.join(''));
  }
  return { params, defects };
}

/** Parameter.param_value. */
function parameterText(param: t.Node): string {
  for (const kid of param.kids) {
    if (kid.kind === 'value') return strippedValue(kid);
    if (kid.kind === 'quoted-string') {
      for (const bare of kid.kids.filter((k) => k.kind === 'bare-quoted-string'))
        for (const inner of bare.kids) if (inner.kind === 'value') return strippedValue(inner);
    }
  }
  return '';
}

/** Value.stripped_value. */
function strippedValue(v: t.Node): string {
  let first = v.kids[0];
  if (first === undefined) throw new t.ParserCrash('IndexError: list index out of range');
  if (first.kind === 'cfws') first = v.kids[1]!;
  if (first.kind.endsWith('quoted-string')) return t.value(first.kids.find((k) => k.kind === 'bare-quoted-string')!);
  if (first.kind === 'attribute') return t.value(first.kids.find((k) => k.kind.endsWith('attrtext'))!);
  return t.value(v);
}

/** urllib.parse.unquote_to_bytes, then bytes.decode(charset, 'surrogateescape'), ASCII for unknown charsets. */
function decodePercent(text: string, charset: string): DecodedWord {
  const bytes = Buffer.from(text, 'utf8');
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const hex = bytes.subarray(i + 1, i + 3).toString('latin1');
    if (bytes[i] === 0x25 && /^[0-9a-fA-F]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(bytes[i]!);
  }
  return decodeBytes(Uint8Array.from(out), codecOf(charset) ?? 'ascii');
}

/** What packaging gets from `message["content-type"] = value`, or ParserCrash where Python raises. */
export function parseContentType(text: string): ParsedContentType {
  if (text.replace(/(?:\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029])$/, '').match(LINE_BREAK)) {
    throw new t.ParserCrash('ValueError: Header values may not contain linefeed or carriage return characters');
  }
  const tree = contentTypeTree(text);
  const { params, defects } = parametersOf(tree);
  const head = pythonStrip(t.str(tree).split(';')[0]!).toLowerCase();
  return {
    contentType: head.split('/').length === 2 ? head : 'text/plain',
    params,
    defective: t.allDefects(tree) + defects > 0,
  };
}
