// The value syntaxes PyPI checks in core metadata: e-mail addresses (Warehouse runs the
// email-validator package on them), URLs (rfc3986, http/https only) and Description-Content-Type
// (packaging's rules). Each function returns why a value is refused, or undefined.

const ATEXT = "A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~\\u{80}-\\u{10FFFF}";
const LOCAL_PART = new RegExp(`^[${ATEXT}]+(?:\\.[${ATEXT}]+)*$`, 'u');
const DOMAIN_CHARS = /^[A-Za-z0-9.\-\u{80}-\u{10FFFF}]+$/u;
// Domains that can never receive mail; email-validator refuses them (RFC 6761 and friends).
const SPECIAL_USE_DOMAINS = ['arpa', 'invalid', 'local', 'localhost', 'onion', 'test'];

/** One entry of an address list: `Name <addr>`, `"Quoted, Name" <addr>` or a bare `addr`. */
export interface AddressEntry {
  text: string;
  address: string;
}

/** Splits an Author-email/Maintainer-email value at the commas that separate addresses. */
export function splitAddressList(value: string): AddressEntry[] {
  const entries: string[] = [];
  let current = '';
  let quoted = false;
  let angle = 0;
  let comment = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (quoted && char === '\\') {
      current += char + (value[++i] ?? '');
      continue;
    }
    if (quoted) {
      if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === '(') comment++;
    else if (char === ')' && comment > 0) comment--;
    else if (char === '<') angle++;
    else if (char === '>' && angle > 0) angle--;
    else if (char === ',' && angle === 0 && comment === 0) {
      entries.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  entries.push(current);
  return entries
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((text) => ({ text, address: addressOf(text) }));
}

function addressOf(entry: string): string {
  // Python's parser also takes `Name <addr` without the closing bracket.
  const angled = /<([^<>]*)>?\s*(?:\([^()]*\)\s*)?$/.exec(entry);
  if (angled) return angled[1]!.trim();
  // A bare address may carry an RFC 822 comment, `jane@example.com (Jane Doe)`.
  return entry.replace(/\([^()]*\)/g, '').trim();
}

/**
 * Whether Python's strict `email.utils.parseaddr` gives up on a one-entry field (unbalanced
 * parentheses, brackets, a second @-sign), in which case Warehouse has no address to check.
 */
export function unparsableByPython(entry: AddressEntry): boolean {
  let depth = 0;
  for (const char of entry.text.replace(/"(?:[^"\\]|\\.)*"/g, '')) {
    if (char === '(') depth++;
    if (char === ')' && --depth < 0) return true;
  }
  return depth !== 0 || entry.address.includes('[') || /@.*@/.test(entry.address);
}

/** Why email-validator (as PyPI calls it: no display name, no quoting, no IP literals) refuses an address. */
export function emailAddressProblem(address: string): string | undefined {
  if (address.startsWith('"')) return 'a quoted part before the @-sign is not allowed';
  const at = address.indexOf('@');
  if (at < 0) return 'it has no @-sign';
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local === '') return 'there is nothing before the @-sign';
  if (!LOCAL_PART.test(local)) {
    if (local.startsWith('.')) return 'it cannot start with a period';
    if (local.endsWith('.')) return 'it cannot have a period right before the @-sign';
    if (local.includes('..')) return 'it cannot have two periods in a row';
    return `the part before the @-sign has invalid characters: ${invalidChars(local, /[.A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u{80}-\u{10FFFF}]/u)}`;
  }
  if (domain === '') return 'there is nothing after the @-sign';
  if (domain.startsWith('[')) return 'a bracketed IP address after the @-sign is not allowed';
  if (!DOMAIN_CHARS.test(domain))
    return `the part after the @-sign has invalid characters: ${invalidChars(domain, /[A-Za-z0-9.\-\u{80}-\u{10FFFF}]/u)}`;
  if (domain.startsWith('.') || domain.startsWith('-'))
    return `it cannot have a ${domain.startsWith('.') ? 'period' : 'hyphen'} right after the @-sign`;
  if (domain.endsWith('.') || domain.endsWith('-'))
    return `it cannot end with a ${domain.endsWith('.') ? 'period' : 'hyphen'}`;
  if (domain.includes('..')) return 'it cannot have two periods in a row';
  if (/\.-|-\./.test(domain)) return 'it cannot have a period and a hyphen next to each other';
  const labels = domain.split('.');
  if (labels.some((label) => /^(?!xn)..--/i.test(label)))
    return 'a domain label cannot start with two letters and two hyphens, except Punycode (xn--)';
  if (labels.some((label) => label.length > 63)) return 'a domain label is longer than 63 characters';
  if (!domain.includes('.')) return 'the part after the @-sign has no period (it must be a full domain name)';
  const ascii = /^[\x00-\x7f]*$/.test(domain);
  if (ascii && !/[A-Za-z]$/.test(domain)) return 'the part after the @-sign is not within a valid top-level domain';
  const lower = domain.toLowerCase();
  if (SPECIAL_USE_DOMAINS.some((special) => lower === special || lower.endsWith(`.${special}`))) {
    return `'${domain}' is a special-use domain that cannot receive e-mail`;
  }
  if (ascii && domain.length > 253) return 'the part after the @-sign is longer than 253 characters';
  if (Buffer.byteLength(address, 'utf8') > 254) return 'it is longer than 254 bytes';
  return undefined;
}

function invalidChars(text: string, allowed: RegExp): string {
  const bad = [...new Set([...text].filter((char) => !allowed.test(char)))];
  return bad
    .map((char) =>
      char === ' '
        ? 'space'
        : /\p{L}|\p{N}|\p{P}|\p{S}/u.test(char)
          ? `'${char}'`
          : `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
    )
    .join(', ');
}

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
