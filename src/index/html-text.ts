// Reading the HTML an index answers with (PEP 503 pages, error pages), in time linear in its length
// whatever it holds: each character is looked at a bounded number of times, by indexOf and forward
// scans, never by a regular expression that could backtrack over what it already read.

export interface Anchor {
  /** The href attribute, entities decoded; undefined when the anchor has none. */
  href: string | undefined;
  /** The text up to `</a>`, entities decoded; undefined when other markup comes before `</a>`. */
  text: string | undefined;
}

const isSpace = (char: string | undefined): boolean =>
  char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f';

/** Where the tag opened at `start` ends (the index of its `>`), quotes respected; -1 if it never does. */
function tagEnd(html: string, start: number): number {
  for (let at = start; at < html.length; at++) {
    const char = html[at];
    if (char === '>') return at;
    if (char === '"' || char === "'") {
      const close = html.indexOf(char, at + 1);
      if (close < 0) return -1;
      at = close;
    }
  }
  return -1;
}

/** The attributes of a tag, from after its name to its `>`. */
function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  let at = 0;
  while (at < tag.length) {
    while (at < tag.length && (isSpace(tag[at]) || tag[at] === '/')) at++;
    const nameStart = at;
    while (at < tag.length && !isSpace(tag[at]) && tag[at] !== '=' && tag[at] !== '/') at++;
    const name = tag.slice(nameStart, at).toLowerCase();
    while (at < tag.length && isSpace(tag[at])) at++;
    let value = '';
    if (tag[at] === '=') {
      at++;
      while (at < tag.length && isSpace(tag[at])) at++;
      const quote = tag[at];
      if (quote === '"' || quote === "'") {
        const close = tag.indexOf(quote, at + 1);
        value = tag.slice(at + 1, close < 0 ? tag.length : close);
        at = close < 0 ? tag.length : close + 1;
      } else {
        const valueStart = at;
        while (at < tag.length && !isSpace(tag[at])) at++;
        value = tag.slice(valueStart, at);
      }
    }
    if (name && !found.has(name)) found.set(name, value);
    if (at === nameStart) at++;
  }
  return found;
}

/** Every `<a …>` of a page with its href and text; markup inside an attribute value is no tag. */
export function* anchors(html: string): Generator<Anchor> {
  const opening = /<a[\s/>]/gi;
  for (let match = opening.exec(html); match; match = opening.exec(html)) {
    const end = tagEnd(html, match.index + 2);
    // A tag that never ends holds the rest of the page: there is no other anchor after it.
    if (end < 0) return;
    const href = attributes(html.slice(match.index + 2, end)).get('href');
    const next = html.indexOf('<', end + 1);
    const closed = next >= 0 && html.slice(next, next + 4).toLowerCase() === '</a>';
    yield {
      href: href === undefined ? undefined : decodeEntities(href),
      text: closed ? decodeEntities(html.slice(end + 1, next)) : undefined,
    };
    opening.lastIndex = end + 1;
  }
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A numeric character reference's character; U+FFFD for none, a surrogate or past U+10FFFF (as HTML does). */
function referencedCharacter(digits: string, radix: 10 | 16): string {
  const code = digits.length > 8 ? Infinity : parseInt(digits, radix);
  const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return valid ? String.fromCodePoint(code) : '\ufffd';
}

/** Character references, in one pass, so that `&amp;lt;` stays `&lt;`. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (!name.startsWith('#')) return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    return name[1] === 'x' || name[1] === 'X'
      ? referencedCharacter(name.slice(2), 16)
      : referencedCharacter(name.slice(1), 10);
  });
}

const RAW_TEXT_CLOSE: Record<string, RegExp> = { script: /<\/script/gi, style: /<\/style/gi };

/** Text gathered with each run of white space made one space, up to a length. */
class CollapsedText {
  text = '';

  constructor(private readonly limit: number) {}

  get full(): boolean {
    return this.text.length > this.limit;
  }

  /** Adds `source` from `start` to `end`, a window at a time, until the text is full. */
  add(source: string, start: number, end: number): void {
    for (let at = start; at < end && !this.full; at += 4096) {
      const piece = source.slice(at, Math.min(end, at + 4096)).replace(/\s+/g, ' ');
      this.text += this.text.endsWith(' ') && piece.startsWith(' ') ? piece.slice(1) : piece;
    }
  }

  space(): void {
    if (!this.text.endsWith(' ')) this.text += ' ';
  }
}

/**
 * The first `limit` characters of a page's text without its markup, white space collapsed, in one
 * pass that stops there: tags become spaces, and so do `<script>` and `<style>` with their contents
 * (to their closing tag, or to the end of the page when it has none).
 */
export function textWithoutMarkup(html: string, limit: number): string {
  const out = new CollapsedText(limit);
  let at = 0;
  while (at < html.length && !out.full) {
    const open = html.indexOf('<', at);
    if (open < 0) break;
    const end = html.indexOf('>', open + 1);
    // No `>` anywhere after: no tag can close, the rest is text.
    if (end < 0) break;
    out.add(html, at, open);
    out.space();
    const name = /^<(script|style)(?=[\s/>])/i.exec(html.slice(open, open + 8))?.[1]?.toLowerCase();
    if (!name) {
      at = end + 1;
      continue;
    }
    const close = RAW_TEXT_CLOSE[name]!;
    close.lastIndex = end + 1;
    const closing = close.exec(html);
    if (!closing) return out.text.trim().slice(0, limit);
    const closeEnd = html.indexOf('>', closing.index);
    at = closeEnd < 0 ? html.length : closeEnd + 1;
  }
  out.add(html, at, html.length);
  return out.text.trim().slice(0, limit);
}
