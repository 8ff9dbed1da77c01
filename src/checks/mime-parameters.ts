// The parameter list of a MIME header value (`; name=value; …`, RFC 2231 sections and charsets
// included) as CPython 3.14's email._header_value_parser reads it, with its error recovery:
// get_section, get_value, get_parameter and parse_mime_parameters, modelled from the CPython
// source for content-type-header.ts.
import * as t from './mime-tokens.js';

function section(text: string): t.Parsed {
  if (!text.startsWith('*')) throw new t.ParseError('section');
  const isDigit = (char: string): boolean => /\p{Nd}/u.test(char) || t.DIGIT_ONLY.test(char);
  const after = [...text.slice(1)];
  const end = after.findIndex((char) => !isDigit(char));
  const chars = end < 0 ? after : after.slice(0, end);
  if (chars.length === 0) throw new t.ParseError('section number');
  // int() takes decimal digits of any script, not superscripts and the like (str.isdigit() does).
  if (chars.some((char) => t.DIGIT_ONLY.test(char))) throw new t.ParserCrash('ValueError: invalid literal for int()');
  const digits = chars.join('');
  const s = t.node('section', [t.terminal('section-marker', '*'), t.terminal('digits', digits)]);
  if (chars[0] === '0' && chars.length > 1) s.defects++;
  s.number = Number(chars.map(decimalValue).join(''));
  return [s, text.slice(1 + digits.length)];
}

/** A decimal digit's value: scripts keep their ten digits in a row, starting from zero. */
function decimalValue(char: string): string {
  let point = char.codePointAt(0)!;
  if (point >= 0x1d7ce && point <= 0x1d7ff) return String((point - 0x1d7ce) % 10);
  let steps = 0;
  while (/\p{Nd}/u.test(String.fromCodePoint(point - 1)) && steps < 60) [point, steps] = [point - 1, steps + 1];
  return String(steps % 10);
}

function parameterValue(text: string): t.Parsed {
  if (text === '') throw new t.ParseError('value');
  let rest = text;
  let leader: t.Node | undefined;
  if (t.isIn(t.CFWS_LEADER, rest)) [leader, rest] = t.cfws(rest);
  if (rest === '') throw new t.ParseError('value');
  const [inner, after] = rest.startsWith('"') ? t.quotedString(rest) : t.extendedAttribute(rest);
  if (leader) inner.kids.unshift(leader);
  return [t.node('value', [inner]), after];
}

export const sectionNumber = (param: t.Node): number => (param.sectioned ? param.kids[1]!.number! : 0);

/** get_parameter: attribute [section] ["*"] [CFWS] "=" value, with RFC 2231 charset'lang'value. */
function parameter(text: string): t.Parsed {
  const param = t.node('parameter');
  let [kid, rest] = t.attribute(text);
  param.kids.push(kid);
  if (rest === '' || rest.startsWith(';')) {
    param.defects++;
    return [param, rest];
  }
  if (rest.startsWith('*')) {
    try {
      [kid, rest] = section(rest);
      param.sectioned = true;
      param.kids.push(kid);
    } catch (e) {
      if (!(e instanceof t.ParseError)) throw e;
    }
    if (rest === '') throw new t.ParseError('incomplete parameter');
    if (rest.startsWith('*')) {
      param.kids.push(t.terminal('extended-parameter-marker', '*'));
      rest = rest.slice(1);
      param.extended = true;
    }
  }
  if (rest === '') throw new t.ParserCrash('IndexError: string index out of range');
  if (!rest.startsWith('=')) throw new t.ParseError("no '='");
  param.kids.push(t.terminal('parameter-separator', '='));
  rest = rest.slice(1);
  if (t.isIn(t.CFWS_LEADER, rest)) {
    [kid, rest] = t.cfws(rest);
    param.kids.push(kid);
  }
  let remainder: string | undefined;
  let appendTo = param;
  if (param.extended && rest.startsWith('"')) {
    // CPython's "handle quoted extended parameters" hack: an RFC 2231 value wrongly in quotes.
    const [quoted, after] = t.quotedString(rest);
    const bare = quoted.kids.find((k) => k.kind === 'bare-quoted-string')!;
    const inner = t.value(bare);
    const semiValid = looksEncoded(inner, sectionNumber(param));
    param.defects++;
    if (semiValid) {
      param.kids.push(quoted);
      bare.kids = [];
      appendTo = bare;
      rest = inner;
      remainder = after;
    }
  }
  let token: t.Node | undefined;
  if (!rest.startsWith("'")) [token, rest] = parameterValue(rest);
  if (!param.extended || sectionNumber(param) > 0) {
    if (!rest.startsWith("'")) {
      appendTo.kids.push(token!);
      return [param, remainder ?? rest];
    }
    param.defects++;
  }
  if (rest === '') {
    param.defects++;
    appendTo.kids.push(token!);
    if (remainder === undefined) return [param, rest];
  } else {
    if (token !== undefined) {
      const charset = lastOrExtendedText(token);
      appendTo.kids.push(charset);
      param.charset = t.value(charset);
    }
    if (!rest.startsWith("'")) throw new t.ParseError('RFC 2231 delimiter');
    appendTo.kids.push(t.terminal('rfc2231-delimiter', "'"));
    rest = rest.slice(1);
    if (rest !== '' && !rest.startsWith("'")) {
      [kid, rest] = t.run('attrtext', t.ATTRIBUTE_ENDS, rest);
      appendTo.kids.push(kid);
      if (!rest.startsWith("'")) throw new t.ParseError('RFC 2231 delimiter');
    }
    appendTo.kids.push(t.terminal('rfc2231-delimiter', "'"));
    rest = rest.slice(1);
  }
  if (remainder !== undefined) {
    const v = t.node('value');
    while (rest !== '') {
      if (t.isIn(t.WSP, rest)) [kid, rest] = t.fws(rest);
      else if (rest.startsWith('"')) [kid, rest] = [t.terminal('dquote', '"'), rest.slice(1)];
      else [kid, rest] = t.ptext('ptext', '"', rest);
      v.kids.push(kid);
    }
    appendTo.kids.push(v);
    return [param, remainder];
  }
  [kid, rest] = parameterValue(rest);
  appendTo.kids.push(kid);
  return [param, rest];
}

/** Whether a quoted extended value holds charset'lang'text (first section) or plain encoded text (later ones). */
function looksEncoded(inner: string, section: number): boolean {
  if (section > 0) {
    try {
      return t.run('extended-attrtext', t.EXTENDED_ATTRIBUTE_ENDS, inner)[1] === '';
    } catch {
      return false;
    }
  }
  // Python lets get_attrtext's HeaderParseError escape here, to the parameter list's recovery.
  return inner.startsWith("'") || t.run('attrtext', t.ATTRIBUTE_ENDS, inner)[1].startsWith("'");
}

/** The loop `for t in token: if t.token_type == 'extended-attrtext': break` leaves t at the match or the last. */
function lastOrExtendedText(token: t.Node): t.Node {
  return token.kids.find((k) => k.kind === 'extended-attrtext') ?? token.kids.at(-1)!;
}

export function mimeParameters(text: string): t.Node {
  const list = t.node('mime-parameters');
  let rest = text;
  while (rest !== '') {
    try {
      let param: t.Node;
      [param, rest] = parameter(rest);
      list.kids.push(param);
    } catch (e) {
      if (!(e instanceof t.ParseError)) throw e;
      let leader: t.Node | undefined;
      if (t.isIn(t.CFWS_LEADER, rest)) [leader, rest] = t.cfws(rest);
      if (rest === '') {
        list.kids.push(leader!);
        return list;
      }
      if (rest.startsWith(';')) {
        if (leader) list.kids.push(leader);
        list.defects++;
      } else {
        const invalid = t.node('invalid-parameter');
        rest = t.skipToSemicolon(invalid, rest);
        if (leader) invalid.kids.unshift(leader);
        list.kids.push(invalid);
        list.defects++;
      }
    }
    if (rest !== '' && !rest.startsWith(';')) {
      const param = list.kids.at(-1)!;
      param.kind = 'invalid-parameter';
      rest = t.skipToSemicolon(param, rest);
      list.defects++;
    }
    if (rest !== '') {
      list.kids.push(t.terminal('parameter-separator', ';'));
      rest = rest.slice(1);
    }
  }
  return list;
}
