// Python's e-mail address parser (email._parseaddr.AddrlistClass), modelled from its behaviour in
// CPython 3.14. It is lenient in odd ways (a comment may sit anywhere, `<` need not close, a group
// `name: a, b;` flattens); address-strict.ts adds the checks of strict parsing on top, as
// email.utils.parseaddr and getaddresses make them. test/address-differential.test.ts compares
// both with CPython on thousands of generated values.
import { isPythonSpace } from '../common/python-text.js';

/** One parsed address: the display name (with comments) and the address, both '' on failure. */
export interface ParsedAddress {
  name: string;
  address: string;
}

const SPECIALS = '()<>@,:;."[]';
const LWS = ' \t';
const CR = '\r\n';
const ATOM_ENDS = SPECIALS + LWS + CR;
// RFC 5322's obs-phrase: a display name may contain periods.
const PHRASE_ENDS = ATOM_ENDS.replace('.', '');
export const FAILED: ParsedAddress = { name: '', address: '' };
// Python gives up with RecursionError on deeper nesting (comments in comments, groups in groups).
const MAX_DEPTH = 900;

/** Python gives up on such nesting with RecursionError, and so does this parser. */
export class TooDeep extends Error {}

const isBlank = (text: string): boolean => [...text].every(isPythonSpace);

/** A cursor over one header value, following email._parseaddr.AddrlistClass step by step. */
class AddressListParser {
  private pos = 0;
  private comments: string[] = [];
  private depth = 0;
  private readonly field: string;

  constructor(field: string) {
    this.field = field;
  }

  private get char(): string {
    return this.field[this.pos]!;
  }

  private atEnd(): boolean {
    return this.pos >= this.field.length;
  }

  /** Every address in the field; an entry that yields nothing counts as ('', ''). */
  all(): ParsedAddress[] {
    const result: ParsedAddress[] = [];
    while (!this.atEnd()) {
      const found = this.address();
      if (found.length > 0) result.push(...found);
      else result.push(FAILED);
    }
    return result;
  }

  /** Skips blanks and line breaks, collecting comments; returns the blanks (not the breaks) it passed. */
  private skipSpace(): string {
    let blanks = '';
    while (!this.atEnd()) {
      if ((LWS + '\n\r').includes(this.char)) {
        if (!'\n\r'.includes(this.char)) blanks += this.char;
        this.pos++;
      } else if (this.char === '(') this.comments.push(this.comment());
      else break;
    }
    return blanks;
  }

  private address(): ParsedAddress[] {
    this.comments = [];
    this.skipSpace();
    const start = this.pos;
    // The same array, on purpose: Python keeps a reference, so comments met while reading the
    // phrase are still there when an addr-spec is read again from `start`.
    const commentsAtStart = this.comments;
    const phrase = this.phrase();
    this.skipSpace();
    let found: ParsedAddress[] = [];
    if (this.atEnd()) {
      if (phrase.length > 0) found = [{ name: this.comments.join(' '), address: phrase[0]! }];
    } else if ('.@'.includes(this.char)) {
      this.pos = start;
      this.comments = commentsAtStart;
      const spec = this.addrSpec();
      found = [{ name: this.comments.join(' '), address: spec }];
    } else if (this.char === ':') {
      this.pos++;
      this.nest(() => {
        while (!this.atEnd()) {
          this.skipSpace();
          if (!this.atEnd() && this.char === ';') {
            this.pos++;
            break;
          }
          found = found.concat(this.address());
        }
      });
    } else if (this.char === '<') {
      const route = this.routeAddr();
      const name = phrase.join(' ');
      found = [{ name: this.comments.length > 0 ? `${name} (${this.comments.join(' ')})` : name, address: route }];
    } else if (phrase.length > 0) {
      found = [{ name: this.comments.join(' '), address: phrase[0]! }];
    } else if (SPECIALS.includes(this.char)) {
      this.pos++;
    }
    this.skipSpace();
    if (!this.atEnd() && this.char === ',') this.pos++;
    return found;
  }

  /** `<@route,@route:local@domain>`: the route is skipped; returns the addr-spec. */
  private routeAddr(): string {
    this.pos++;
    this.skipSpace();
    let expectRoute = false;
    let spec = '';
    while (!this.atEnd()) {
      if (expectRoute) {
        this.domain();
        expectRoute = false;
      } else if (this.char === '>') {
        this.pos++;
        break;
      } else if (this.char === '@') {
        this.pos++;
        expectRoute = true;
      } else if (this.char === ':') {
        this.pos++;
      } else {
        spec = this.addrSpec();
        // Python steps over one character here, assuming it is the closing '>'.
        this.pos++;
        break;
      }
      this.skipSpace();
    }
    return spec;
  }

  private addrSpec(): string {
    const parts: string[] = [];
    this.skipSpace();
    while (!this.atEnd()) {
      let keepBlanks = true;
      if (this.char === '.') {
        if (parts.length > 0 && isBlank(parts[parts.length - 1]!)) parts.pop();
        parts.push('.');
        this.pos++;
        keepBlanks = false;
      } else if (this.char === '"') {
        parts.push(`"${this.quoted().replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);
      } else if (ATOM_ENDS.includes(this.char)) {
        if (parts.length > 0 && isBlank(parts[parts.length - 1]!)) parts.pop();
        break;
      } else {
        parts.push(this.atom(ATOM_ENDS));
      }
      const blanks = this.skipSpace();
      if (keepBlanks && blanks) parts.push(blanks);
    }
    if (this.atEnd() || this.char !== '@') return parts.join('');
    parts.push('@');
    this.pos++;
    this.skipSpace();
    const domain = this.domain();
    // A failed domain fails the whole address rather than leaving the local part alone.
    return domain ? parts.join('') + domain : '';
  }

  private domain(): string {
    const parts: string[] = [];
    while (!this.atEnd()) {
      if (LWS.includes(this.char)) this.pos++;
      else if (this.char === '(') this.comments.push(this.comment());
      else if (this.char === '[') parts.push(`[${this.delimited('[', ']\r', false)}]`);
      else if (this.char === '.') {
        this.pos++;
        parts.push('.');
      } else if (this.char === '@') {
        // `a@evil.example@good.example` has no domain at all (CPython bpo-34155).
        return '';
      } else if (ATOM_ENDS.includes(this.char)) break;
      else parts.push(this.atom(ATOM_ENDS));
    }
    return parts.join('');
  }

  /** Text from `open` up to one of `ends` (or the end), with backslash escapes and, optionally, nested comments. */
  private delimited(open: string, ends: string, allowComments: boolean): string {
    if (this.char !== open) return '';
    let text = '';
    let escaped = false;
    this.pos++;
    while (!this.atEnd()) {
      if (escaped) {
        text += this.char;
        escaped = false;
      } else if (ends.includes(this.char)) {
        this.pos++;
        break;
      } else if (allowComments && this.char === '(') {
        text += this.comment();
        continue;
      } else if (this.char === '\\') escaped = true;
      else text += this.char;
      this.pos++;
    }
    return text;
  }

  private quoted(): string {
    return this.delimited('"', '"\r', false);
  }

  private comment(): string {
    return this.nest(() => this.delimited('(', ')\r', true));
  }

  private atom(ends: string): string {
    const start = this.pos;
    while (!this.atEnd() && !ends.includes(this.char)) this.pos++;
    return this.field.slice(start, this.pos);
  }

  /** The words of a display name: atoms (periods allowed) and quoted strings. */
  private phrase(): string[] {
    const words: string[] = [];
    while (!this.atEnd()) {
      if ((LWS + CR).includes(this.char)) this.pos++;
      else if (this.char === '"') words.push(this.quoted());
      else if (this.char === '(') this.comments.push(this.comment());
      else if (PHRASE_ENDS.includes(this.char)) break;
      else words.push(this.atom(PHRASE_ENDS));
    }
    return words;
  }

  private nest<T>(inner: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new TooDeep();
    try {
      return inner();
    } finally {
      this.depth--;
    }
  }
}

/**
 * email.utils.getaddresses(..., strict=False) on one string: every entry, as the lenient parser
 * reads it. Throws TooDeep where Python would fail with RecursionError.
 */
export function parseAddressList(field: string): ParsedAddress[] {
  return field === '' ? [] : new AddressListParser(field).all();
}
