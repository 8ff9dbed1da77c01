// The value syntaxes PyPI checks in core metadata besides e-mail addresses (email-address.ts):
// URLs (rfc3986, http/https only) and Description-Content-Type (packaging's rules). Each function
// returns why a value is refused, or undefined.

export interface UrlCheck {
  /** Why PyPI refuses it. */
  error?: string;
  /** Accepted by PyPI but not a usable link. */
  warning?: string;
}

// RFC 3986, appendix B.
const URL_PARTS = /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?:\/\/([^\\/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;

/** PyPI's URL rule (rfc3986 with http/https required; the host may be absent, so that is only warned about). */
export function checkUrl(url: string): UrlCheck {
  const [, scheme, authority, path = '', query = ''] = URL_PARTS.exec(url) ?? [];
  if (!scheme) return { error: 'it has no scheme; PyPI accepts only absolute http:// or https:// URLs' };
  if (!['http', 'https'].includes(scheme.toLowerCase()))
    return { error: `its scheme is '${scheme}'; PyPI accepts only http and https` };
  // rfc3986 percent-encodes most stray characters before validating, but not brackets.
  if (/[[\]]/.test(path) || /[[\]]/.test(query))
    return { error: "'[' and ']' are only allowed in the host part; percent-encode them (%5B, %5D)" };
  const port = /:(\d+)$/.exec(authority ?? '')?.[1];
  if (port && Number(port) > 65535) return { error: `its port ${port} is above 65535` };
  if (!authority || /^(?:[^@]*@)?(?::\d*)?$/.test(authority)) return { warning: 'it has no host, so it links nowhere' };
  return {};
}

const CONTENT_TYPES = ['text/plain', 'text/x-rst', 'text/markdown'];
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

/** Why packaging (and so PyPI) refuses a Description-Content-Type value. */
export function contentTypeProblem(value: string): string | undefined {
  const parts = splitParameters(value);
  const type = parts[0]!.trim();
  if (!new RegExp(`^${TOKEN}/${TOKEN}$`).test(type) || !CONTENT_TYPES.includes(type.toLowerCase())) {
    return `the content type must be one of ${CONTENT_TYPES.join(', ')}`;
  }
  const seen = new Set<string>();
  for (const part of parts.slice(1)) {
    if (part.trim() === '') continue;
    const match = new RegExp(`^\\s*(${TOKEN})\\s*=\\s*(${TOKEN}|"(?:[^"\\\\]|\\\\.)*")\\s*$`).exec(part);
    if (!match) return `the parameter '${part.trim()}' is not of the form name=value`;
    const name = match[1]!.toLowerCase();
    const paramValue = match[2]!.replace(/^"(.*)"$/s, '$1').replace(/\\(.)/g, '$1');
    if (seen.has(name)) return `the parameter '${name}' is given twice`;
    seen.add(name);
    if (name === 'charset' && paramValue.toLowerCase() !== 'utf-8')
      return `the charset must be UTF-8, not '${paramValue}'`;
    if (name === 'variant' && type.toLowerCase() === 'text/markdown' && !['GFM', 'CommonMark'].includes(paramValue)) {
      return `the Markdown variant must be GFM or CommonMark (spelled so), not '${paramValue}'`;
    }
  }
  return undefined;
}

function splitParameters(value: string): string[] {
  const parts: string[] = [''];
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (char === '\\' && quoted) {
      parts[parts.length - 1] = `${parts[parts.length - 1]!}${char}${value[++i] ?? ''}`;
      continue;
    }
    if (char === '"') quoted = !quoted;
    else if (char === ';' && !quoted) {
      parts.push('');
      continue;
    }
    parts[parts.length - 1] = `${parts[parts.length - 1]!}${char}`;
  }
  return parts;
}
