// Whether an e-mail address passes email-validator 2.3.0 as Warehouse calls it
// (validate_email(address, check_deliverability=False): no display name, no quoted local part, no
// IP literal; internationalized addresses allowed). Modelled from the package's behaviour. Where a
// verdict needs the IDNA tables (a domain that Unicode normalization changes, a label that is
// already Punycode) the check says nothing rather than guess: a false refusal blocks a release.

const ATEXT = "A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~";
const DOT_ATOM = new RegExp(`^[${ATEXT}]+(?:\\.[${ATEXT}]+)*$`);
const DOT_ATOM_INTL = new RegExp(`^[${ATEXT}\\u{80}-\\u{10FFFF}]+(?:\\.[${ATEXT}\\u{80}-\\u{10FFFF}]+)*$`, 'u');
const LOCAL_CHAR = new RegExp(`^[.${ATEXT}\\u{80}-\\u{10FFFF}]$`, 'u');
const DOMAIN_CHAR = /^[A-Za-z0-9.\-\u{80}-\u{10FFFF}]$/u;
// Domains that can never receive mail; email-validator refuses them (RFC 6761 and friends).
const SPECIAL_USE_DOMAINS = ['arpa', 'invalid', 'local', 'localhost', 'onion', 'test'];
// Characters whose Unicode decomposition holds a full stop (U+002E): UTS #46 would turn them into
// label separators, so email-validator refuses them after the @-sign. U+FF0E is let through.
const DOT_DECOMPOSING = /[\u2024-\u2026\u2488-\u249b\u33c2\u33c7\u33d8\ufe52\u{1f100}]/u;

/** email-validator's check_unsafe_chars: the characters it refuses in a local part or domain. */
export function unsafeCharacters(text: string, allowSpace = false): string[] {
  const bad = new Set<string>();
  [...text].forEach((char, index) => {
    if (/\p{L}|\p{N}|\p{P}|\p{S}/u.test(char)) return;
    if (/\p{M}/u.test(char)) {
      if (index === 0) bad.add(char);
    } else if (!(allowSpace && /\p{Zs}/u.test(char))) bad.add(char);
  });
  return [...bad];
}

/** Why email-validator (as PyPI calls it) refuses an address, or undefined when it accepts it (or cannot tell). */
export function emailAddressProblem(address: string): string | undefined {
  const at = firstUnquoted(address);
  if (at < 0 || firstUnquoted(address, '@') < 0) {
    if (address.includes('\uff20')) return "it has the full-width at-sign '＠' instead of '@'";
    if (address.includes('\ufe6b')) return "it has the small commercial at '﹫' instead of '@'";
    return 'it has no @-sign';
  }
  if (address[at] === '<') return 'a display name and angle brackets are not allowed';
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.startsWith('"')) return 'a quoted part before the @-sign is not allowed';
  const localProblem = localPartProblem(local);
  if (localProblem) return localProblem;
  if (local.normalize('NFC') !== local) {
    const normalizedProblem = localPartProblem(local.normalize('NFC'));
    if (normalizedProblem) return `after Unicode normalization, ${normalizedProblem}`;
  }
  if (domain === '') return 'there is nothing after the @-sign';
  if (domain.startsWith('[')) return 'a bracketed IP address after the @-sign is not allowed';
  const problem = domainProblem(domain);
  if (problem) return problem;
  if (Buffer.byteLength(address, 'utf8') > 254) return 'it is longer than 254 bytes';
  return undefined;
}

/** Index of the first of `specials` outside a quoted string, or -1. */
function firstUnquoted(text: string, specials = '@<'): number {
  let quoted = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if (specials.includes(char)) return i;
  }
  return -1;
}

function localPartProblem(local: string): string | undefined {
  if (local === '') return 'there is nothing before the @-sign';
  if (DOT_ATOM.test(local)) return undefined;
  if (DOT_ATOM_INTL.test(local)) {
    const unsafe = unsafeCharacters(local);
    return unsafe.length ? `the part before the @-sign has unsafe characters: ${describe(unsafe)}` : undefined;
  }
  const invalid = [...new Set([...local].filter((char) => !LOCAL_CHAR.test(char)))];
  if (invalid.length) return `the part before the @-sign has invalid characters: ${describe(invalid)}`;
  if (local.endsWith('.')) return 'it cannot have a period right before the @-sign';
  if (local.startsWith('.')) return 'it cannot start with a period';
  return 'it cannot have two periods in a row';
}

function domainProblem(domain: string): string | undefined {
  const invalid = [...new Set([...domain].filter((char) => !DOMAIN_CHAR.test(char) || DOT_DECOMPOSING.test(char)))];
  if (invalid.length) return `the part after the @-sign has invalid characters: ${describe(invalid)}`;
  const unsafe = unsafeCharacters(domain);
  if (unsafe.length) return `the part after the @-sign has unsafe characters: ${describe(unsafe)}`;
  // UTS #46 normalization (case folding, NFKC, full-width dots) runs before the remaining checks;
  // only where it leaves the text as it is do these checks see what email-validator sees.
  if ([...domain].some(changedByNormalization)) return undefined;
  if (domain.startsWith('.') || domain.startsWith('-'))
    return `it cannot have a ${domain.startsWith('.') ? 'period' : 'hyphen'} right after the @-sign`;
  if (domain.endsWith('.') || domain.endsWith('-'))
    return `it cannot end with a ${domain.endsWith('.') ? 'period' : 'hyphen'}`;
  if (domain.includes('..')) return 'it cannot have two periods in a row';
  if (/\.-|-\./.test(domain)) return 'it cannot have a period and a hyphen next to each other';
  const labels = domain.split('.');
  if (labels.some((label) => /^(?!xn)..--/iu.test(label)))
    return 'a domain label cannot start with two letters and two hyphens, except Punycode (xn--)';
  const ascii = (label: string): boolean => /^[\x00-\x7f]*$/.test(label);
  if (labels.some((label) => ascii(label) && label.length > 63)) return 'a domain label is longer than 63 characters';
  if (!domain.includes('.')) return 'the part after the @-sign has no period (it must be a full domain name)';
  if (ascii(labels[labels.length - 1]!) && !/[A-Za-z]$/.test(domain))
    return 'the part after the @-sign is not within a valid top-level domain';
  const lower = domain.toLowerCase();
  if (SPECIAL_USE_DOMAINS.some((special) => lower === special || lower.endsWith(`.${special}`))) {
    return `'${domain}' is a special-use domain that cannot receive e-mail`;
  }
  if (ascii(domain) && domain.length > 253) return 'the part after the @-sign is longer than 253 characters';
  return labels.map(idnaLabelProblem).find((problem) => problem !== undefined);
}

// IDNA 2008 (RFC 5892) lets a code point into a domain label by its general category (letters
// that are not upper or title case, digits, combining marks) with a few exceptions either way.
const IDNA_CATEGORY = /^[\p{Ll}\p{Lo}\p{Lm}\p{Nd}\p{Mn}\p{Mc}]$/u;
const IDNA_ALLOWED_OTHERWISE = /^[\u00b7\u0375\u05f3\u05f4\u06fd\u06fe\u0f0b\u3007\u30fb]$/u;
// U+302E and U+302F are combining marks, so they stand outside the brackets.
const IDNA_REFUSED_OTHERWISE = /^(?:[\u0640\u07fa\u3031-\u3035\u303b]|\u302e|\u302f)$/u;

/** A character UTS #46 would change or drop: case, compatibility forms, ideographic full stops, ignorables. */
function changedByNormalization(char: string): boolean {
  if (char <= '\x7f') return false;
  return (
    char.normalize('NFKC') !== char ||
    char.toLowerCase() !== char ||
    /[\u3002\uff0e\uff61\p{Default_Ignorable_Code_Point}]/u.test(char)
  );
}

/** Why the idna package refuses a label with non-ASCII characters (only rules that need no tables). */
function idnaLabelProblem(label: string): string | undefined {
  const chars = [...label];
  if (chars.every((char) => char <= '\x7f')) return undefined;
  if (/^\p{M}/u.test(label)) return `the domain label '${label}' cannot start with a combining mark`;
  if (chars.slice(2, 4).join('') === '--')
    return `the domain label '${label}' cannot have hyphens in its 3rd and 4th positions`;
  const refused = [
    ...new Set(
      chars.filter(
        (char) =>
          char > '\x7f' &&
          (IDNA_REFUSED_OTHERWISE.test(char) || !(IDNA_CATEGORY.test(char) || IDNA_ALLOWED_OTHERWISE.test(char))),
      ),
    ),
  ];
  return refused.length ? `IDNA does not allow ${describe(refused)} in a domain name` : undefined;
}

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

/** Characters for a message: printable ones quoted, the others as U+XXXX. */
export function describe(chars: string[]): string {
  return chars
    .map((char) =>
      char === ' '
        ? 'space'
        : /\p{L}|\p{N}|\p{P}|\p{S}/u.test(char)
          ? `'${char}'`
          : `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
    )
    .join(', ');
}
