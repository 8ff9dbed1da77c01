// The lexical layer of CPython 3.14's e-mail header parser (email._header_value_parser: tokens,
// comments, quoted strings, atoms, encoded words, phrases) as a tree of nodes, for
// content-type-header.ts. Each function takes the text and returns the node it read and the rest,
// or throws ParseError where Python raises HeaderParseError. Modelled from the CPython source.
import { pythonLstrip } from '../common/python-text.js';
import { decodeEncodedWord, hasInnerSpace } from './encoded-words.js';

export interface Node {
  kind: string;
  /** Terminals only: their text. */
  text?: string;
  kids: Node[];
  defects: number;
  sectioned?: boolean;
  number?: number;
  extended?: boolean;
  charset?: string;
}
export type Parsed = [Node, string];
export class ParseError extends Error {}

/** Where Python raises (ValueError, IndexError) instead of parsing: packaging 26.2 lets it escape, a server error on PyPI. */
export class ParserCrash extends Error {}

export const WSP = ' \t';
const SPECIALS = '()<>@,:;.\\"[]';
export const CFWS_LEADER = `${WSP}(`;
const PHRASE_ENDS = SPECIALS.replace(/[."(]/g, '');
const TSPECIALS = `${SPECIALS.replace('.', '')}/?=`;
const TOKEN_ENDS = TSPECIALS + WSP;
export const ATTRIBUTE_ENDS = `${TOKEN_ENDS}*'%`;
export const EXTENDED_ATTRIBUTE_ENDS = ATTRIBUTE_ENDS.replace('%', '');
const ATOM_ENDS = SPECIALS + WSP;
// str.isdigit() beyond decimal digits: superscripts, subscripts, circled and Ethiopic digits, which int() refuses.
export const DIGIT_ONLY =
  /[\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792\u1369-\u1371\u19da]/u;

export const node = (kind: string, kids: Node[] = []): Node => ({ kind, kids, defects: 0 });
export const terminal = (kind: string, text: string): Node => ({ kind, text, kids: [], defects: 0 });
export const isIn = (chars: string, value: string): boolean => value !== '' && chars.includes(value[0]!);
const WHITESPACE_KINDS = new Set(['fws', 'ptext-space', 'cfws', 'comment']);

export function str(n: Node): string {
  if (n.kind === 'ew-fws') return '';
  if (n.text !== undefined) return n.text;
  const inner = n.kids.map(str).join('');
  if (n.kind === 'bare-quoted-string') return `"${inner.replace(/[\\"]/g, '\\$&')}"`;
  if (n.kind === 'comment')
    return `(${n.kids.map((k) => (k.kind === 'comment' ? str(k) : str(k).replace(/[\\()]/g, '\\$&'))).join('')})`;
  return inner;
}

export function value(n: Node): string {
  if (n.kind === 'ew-fws') return '';
  if (WHITESPACE_KINDS.has(n.kind)) return ' ';
  if (n.text !== undefined) return n.text;
  if (n.kind === 'bare-quoted-string') return n.kids.map(str).join('');
  return n.kids.map(value).join('');
}

export const allDefects = (n: Node): number => n.kids.reduce((sum, kid) => sum + allDefects(kid), n.defects);

export function validated(n: Node): Node {
  if (/[\x00-\x20\x7f]/.test(n.text!)) n.defects++;
  return n;
}

/** A run of characters none of which is in `ends` (ttext, attrtext, atext). */
export function run(kind: string, ends: string, text: string): Parsed {
  let end = 0;
  while (end < text.length && !ends.includes(text[end]!)) end++;
  if (end === 0) throw new ParseError(kind);
  return [validated(terminal(kind, text.slice(0, end))), text.slice(end)];
}

export function fws(text: string): Parsed {
  const rest = pythonLstrip(text);
  return [terminal('fws', text.slice(0, text.length - rest.length)), rest];
}

/** _get_ptext_to_endchars: up to the next space or end character, quoted pairs unquoted. */
export function ptext(kind: string, ends: string, text: string): Parsed {
  const fragment = /^[^ \t]*/.exec(text)![0];
  let out = '';
  let escape = false;
  let pos = 0;
  for (; pos < fragment.length; pos++) {
    const char = fragment[pos]!;
    if (char === '\\' && !escape) {
      escape = true;
      continue;
    }
    if (escape) escape = false;
    else if (ends.includes(char)) break;
    out += char;
  }
  return [validated(terminal(kind, out)), text.slice(pos)];
}

function comment(text: string): Parsed {
  const c = node('comment');
  let rest = text.slice(1);
  while (rest !== '' && !rest.startsWith(')')) {
    let kid: Node;
    if (isIn(WSP, rest)) [kid, rest] = fws(rest);
    else if (rest.startsWith('(')) [kid, rest] = comment(rest);
    else [kid, rest] = ptext('ptext-space', '()', rest);
    c.kids.push(kid);
  }
  if (rest === '') c.defects++;
  return [c, rest.slice(1)];
}

export function cfws(text: string): Parsed {
  const list = node('cfws');
  let rest = text;
  while (isIn(CFWS_LEADER, rest)) {
    let kid: Node;
    [kid, rest] = isIn(WSP, rest) ? fws(rest) : comment(rest);
    list.kids.push(kid);
  }
  return [list, rest];
}

/** [CFWS] core [CFWS], as token, attribute and atom are built. */
function padded(kind: string, ends: string, text: string, core: (rest: string) => Parsed): Parsed {
  const list = node(kind);
  let rest = text;
  let kid: Node;
  if (isIn(CFWS_LEADER, rest)) {
    [kid, rest] = cfws(rest);
    list.kids.push(kid);
  }
  if (isIn(ends, rest)) throw new ParseError(kind);
  [kid, rest] = core(rest);
  list.kids.push(kid);
  if (isIn(CFWS_LEADER, rest)) {
    [kid, rest] = cfws(rest);
    list.kids.push(kid);
  }
  return [list, rest];
}

export const token = (text: string): Parsed => padded('token', TOKEN_ENDS, text, (r) => run('ttext', TOKEN_ENDS, r));
export const attribute = (text: string): Parsed =>
  padded('attribute', ATTRIBUTE_ENDS, text, (r) => run('attrtext', ATTRIBUTE_ENDS, r));
export const extendedAttribute = (text: string): Parsed =>
  padded('attribute', EXTENDED_ATTRIBUTE_ENDS, text, (r) => run('extended-attrtext', EXTENDED_ATTRIBUTE_ENDS, r));

function encodedWord(text: string): Parsed {
  if (!text.startsWith('=?')) throw new ParseError('encoded word');
  const body = text.slice(2);
  const close = body.indexOf('?=');
  if (close < 0) throw new ParseError('encoded word');
  let inner = body.slice(0, close);
  let rest = body.slice(close + 2);
  if (/^[0-9a-fA-F]{2}/.test(rest) && (inner.match(/\?/g) ?? []).length < 2) {
    const again = rest.indexOf('?=');
    inner = `${inner}?=${again < 0 ? rest : rest.slice(0, again)}`;
    rest = again < 0 ? '' : rest.slice(again + 2);
  }
  const decoded = decodeEncodedWord(inner);
  if (!decoded) throw new ParseError('encoded word');
  const ew = node('encoded-word');
  ew.defects += Number(hasInnerSpace(inner)) + Number(decoded.defective);
  let remaining = decoded.text;
  while (remaining !== '') {
    let kid: Node;
    if (isIn(WSP, remaining)) [kid, remaining] = fws(remaining);
    else {
      const chars = /^[^ \t]*/.exec(remaining)![0];
      kid = validated(terminal('vtext', chars));
      remaining = remaining.slice(chars.length);
    }
    ew.kids.push(kid);
  }
  if (rest !== '' && !isIn(WSP, rest)) ew.defects++;
  return [ew, rest];
}

export function bareQuotedString(text: string): Parsed {
  if (!text.startsWith('"')) throw new ParseError('quoted string');
  const q = node('bare-quoted-string');
  let rest = text.slice(1);
  let kid: Node;
  if (rest.startsWith('"')) {
    [kid, rest] = ptext('ptext', '"', rest);
    q.kids.push(kid);
  }
  while (rest !== '' && !rest.startsWith('"')) {
    if (isIn(WSP, rest)) [kid, rest] = fws(rest);
    else if (rest.startsWith('=?')) {
      try {
        [kid, rest] = encodedWord(rest);
        q.defects++;
        const [before, last] = [q.kids.at(-2), q.kids.at(-1)];
        if (q.kids.length > 1 && last?.kind === 'fws' && before?.kind === 'encoded-word') last.kind = 'ew-fws';
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        [kid, rest] = ptext('ptext', '"', rest);
      }
    } else [kid, rest] = ptext('ptext', '"', rest);
    q.kids.push(kid);
  }
  if (rest === '') q.defects++;
  return [q, rest.slice(1)];
}

export const quotedString = (text: string): Parsed => padded('quoted-string', '', text, bareQuotedString);

const atom = (text: string): Parsed =>
  padded('atom', ATOM_ENDS, text, (r) => {
    if (r.startsWith('=?')) {
      try {
        return encodedWord(r);
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
      }
    }
    return run('atext', ATOM_ENDS, r);
  });

function word(text: string): Parsed {
  let rest = text;
  let leader: Node | undefined;
  if (isIn(CFWS_LEADER, rest)) [leader, rest] = cfws(rest);
  if (rest === '' || (!rest.startsWith('"') && SPECIALS.includes(rest[0]!))) throw new ParseError('word');
  const [w, after] = rest.startsWith('"') ? quotedString(rest) : atom(rest);
  if (leader) w.kids.unshift(leader);
  return [w, after];
}

function phrase(text: string): Parsed {
  const p = node('phrase');
  let rest = text;
  let kid: Node;
  try {
    [kid, rest] = word(rest);
    p.kids.push(kid);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    p.defects++;
  }
  while (rest !== '' && !PHRASE_ENDS.includes(rest[0]!)) {
    if (rest.startsWith('.')) {
      [kid, rest] = [terminal('dot', '.'), rest.slice(1)];
      p.defects++;
    } else {
      try {
        [kid, rest] = word(rest);
      } catch (e) {
        if (!(e instanceof ParseError) || !isIn(CFWS_LEADER, rest)) throw e;
        [kid, rest] = cfws(rest);
        p.defects++;
      }
    }
    p.kids.push(kid);
  }
  return [p, rest];
}

/** get_invalid_parameter / _find_mime_parameters: phrases and stray specials up to the next ';'. */
export function skipToSemicolon(list: Node, text: string): string {
  let rest = text;
  while (rest !== '' && !rest.startsWith(';')) {
    let kid: Node;
    if (PHRASE_ENDS.includes(rest[0]!)) [kid, rest] = [terminal('misplaced-special', rest[0]!), rest.slice(1)];
    else [kid, rest] = phrase(rest);
    list.kids.push(kid);
  }
  return rest;
}
