// email.utils.parseaddr and getaddresses with strict=True (the default since CPython 3.13), as
// CPython 3.14 has them: the lenient parser (address-parser.ts) between checks that make it give
// up. Warehouse calls parseaddr on Author-email and Maintainer-email and validates the address only
// when it returns one, so whether PyPI checks an address at all is decided here as Python decides it.
import { FAILED, parseAddressList, TooDeep, type ParsedAddress } from './address-parser.js';

/** Python's characters after a backslash count as escaped, so `\(` is no parenthesis. */
function withoutQuotedNames(text: string): string {
  if (!text.includes('"')) return text;
  let kept = '';
  let start = 0;
  let open: number | undefined;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] !== '"') continue;
    if (open === undefined) open = i;
    else {
      kept += text.slice(start, open);
      start = i + 1;
      open = undefined;
    }
  }
  return kept + text.slice(start);
}

function balancedParentheses(text: string): boolean {
  let open = 0;
  const unquoted = withoutQuotedNames(text);
  for (let i = 0; i < unquoted.length; i++) {
    if (unquoted[i] === '\\') i++;
    else if (unquoted[i] === '(') open++;
    else if (unquoted[i] === ')' && --open < 0) return false;
  }
  return open === 0;
}

// What strict parsing puts in place of a value with unbalanced parentheses (a comment of its own).
const REFUSED_VALUE = "('', '')";

const refusedBracket = (parsed: ParsedAddress): ParsedAddress => (parsed.address.includes('[') ? FAILED : parsed);

/** email.utils.parseaddr(value) (strict): the one address in the value, or ('', '') when there is not exactly one. */
export function parseaddr(value: string): ParsedAddress {
  try {
    const found = parseAddressList(balancedParentheses(value) ? value : REFUSED_VALUE).map(refusedBracket);
    return found.length === 1 ? found[0]! : FAILED;
  } catch (error) {
    if (error instanceof TooDeep) return FAILED;
    throw error;
  }
}

/** email.utils.getaddresses(values) (strict): every address, or [('', '')] when the count is not what the commas promise. */
export function getaddresses(values: string[]): ParsedAddress[] {
  try {
    const checked = values.map((value) => (balancedParentheses(value) ? value : REFUSED_VALUE));
    const found = parseAddressList(checked.join(', ')).map(refusedBracket);
    // Each comma outside a quoted name promises one more address.
    const expected = checked.reduce((sum, value) => sum + 1 + withoutQuotedNames(value).split(',').length - 1, 0);
    return found.length === expected ? found : [FAILED];
  } catch (error) {
    if (error instanceof TooDeep) return [FAILED];
    throw error;
  }
}
