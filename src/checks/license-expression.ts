// License-Expression as PyPI judges it: packaging.licenses.canonicalize_license_expression, with
// the SPDX lists packaging carries (data/spdx.json, made by scripts/refresh-spdx.py). Warehouse
// pins packaging 26.2; packaging 26.3 is stricter about WITH and LicenseRef- (see
// laterRefusal), which PyPI will apply once it upgrades. Modelled from packaging's behaviour;
// test/metadata-differential.test.ts compares it with both versions.
import data from './data/spdx.json' with { type: 'json' };
import { pythonSplit } from '../common/python-text.js';

const LICENSES: Record<string, string> = data.licenses;
const EXCEPTIONS: Record<string, string> = data.exceptions;
const OPERATORS = new Set(['or', 'and', 'with', '(', ')']);
// Python's tokenizer refuses more open parentheses at once than this ("too many nested parentheses").
const MAX_NESTING = 200;

/** Which packaging release and SPDX list version the identifiers come from. */
export const SPDX_SOURCE: string = data.source;

export interface LicenseExpressionVerdict {
  /** Why PyPI (packaging 26.2) refuses the expression. */
  refused?: string;
  /** Why packaging 26.3 and later refuse an expression PyPI still takes. */
  refusedLater?: string;
}

const has = (table: Record<string, string>, key: string): boolean => Object.hasOwn(table, key);

/** PyPI's verdict on a License-Expression value. */
export function checkLicenseExpression(raw: string): LicenseExpressionVerdict {
  if (raw === '') return { refused: 'it is empty' };
  const padded = raw.replaceAll('(', ' ( ').replaceAll(')', ' ) ');
  // LicenseRef- identifiers keep their spelling after the prefix; later spellings win, as in a dict.
  const refs = new Map<string, string>();
  for (const ref of pythonSplit(padded)) {
    if (ref.toLowerCase().startsWith('licenseref-')) refs.set(ref.toLowerCase(), `LicenseRef-${ref.slice(11)}`);
  }
  const tokens = pythonSplit(padded.toLowerCase());
  const grammar = grammarProblem(tokens);
  if (grammar) return { refused: `${grammar}${suggestion(raw, LICENSES)}` };
  let refused: string | undefined;
  let refusedLater: string | undefined;
  let previous: string | undefined;
  let afterLicense = false;
  for (const [index, token] of tokens.entries()) {
    if (OPERATORS.has(token)) {
      const next = tokens[index + 1];
      if (token === 'with' && (!afterLicense || next === undefined || OPERATORS.has(next)))
        refusedLater ??= 'WITH must stand between a license and an exception';
      previous = token;
      afterLicense = false;
      continue;
    }
    const afterWith = previous === 'with';
    previous = token;
    afterLicense = !afterWith;
    if (afterWith) {
      if (!has(EXCEPTIONS, token))
        refused ??= `'${token}' is not an SPDX license exception${suggestion(token, EXCEPTIONS)}`;
      continue;
    }
    const plus = token.endsWith('+');
    const bare = plus ? token.slice(0, -1) : token;
    if (bare.startsWith('licenseref-')) {
      if (!/^[a-z0-9.-]*$/.test(bare))
        refused ??= `'${token}' is not a valid LicenseRef- identifier (letters, digits, '.' and '-' only)`;
      // packaging 26.2 then looks the identifier up without its '+', which fails with an error of its own.
      else if (plus && !refs.has(bare))
        refused ??= `'${token}': a LicenseRef- identifier cannot take '+' (PyPI fails on it)`;
      else if (plus || bare === 'licenseref-')
        refusedLater ??= `'${token}' is not a valid LicenseRef- identifier (it needs a name after the prefix and no '+')`;
    } else if (!has(LICENSES, bare)) {
      refused ??= `'${bare}' is not an SPDX license identifier${suggestion(bare, LICENSES)}`;
    }
  }
  return refused ? { refused } : refusedLater ? { refusedLater } : {};
}

/**
 * Whether the operators and parentheses form an expression: packaging turns the tokens into a
 * Python expression (licenses become `False`, WITH becomes `or`) and lets Python's compiler judge.
 */
function grammarProblem(tokens: string[]): string | undefined {
  const symbols: string[] = [];
  for (const token of tokens) {
    const last = symbols[symbols.length - 1];
    if (token === '(' && last !== undefined && !['or', 'and', '('].includes(last))
      return "'(' can only follow AND, OR or another '('";
    if (token === ')' && last === '(') return "'()' holds nothing";
    symbols.push(OPERATORS.has(token) ? (token === 'with' ? 'or' : token) : 'x');
  }
  let at = 0;
  let depth = 0;
  let maxDepth = 0;
  const operand = (): boolean => {
    if (symbols[at] === 'x') {
      at++;
      return true;
    }
    if (symbols[at] !== '(') return false;
    at++;
    maxDepth = Math.max(maxDepth, ++depth);
    if (maxDepth > MAX_NESTING || !expression() || symbols[at] !== ')') return false;
    depth--;
    at++;
    return true;
  };
  const expression = (): boolean => {
    if (!operand()) return false;
    while (symbols[at] === 'or' || symbols[at] === 'and') {
      at++;
      if (!operand()) return false;
    }
    return true;
  };
  if (!expression() || at !== symbols.length) {
    return maxDepth > MAX_NESTING
      ? `it nests parentheses more than ${MAX_NESTING} deep`
      : 'its operators and parentheses do not form an expression';
  }
  return undefined;
}

let squashed: Map<string, string> | undefined;

/** A known identifier that differs only in case, dashes, dots or spaces: the usual typo. */
function suggestion(token: string, table: Record<string, string>): string {
  const squash = (text: string): string => text.toLowerCase().replace(/[^a-z0-9+]/g, '');
  squashed ??= new Map([...Object.values(EXCEPTIONS), ...Object.values(LICENSES)].map((id) => [squash(id), id]));
  const found = squashed.get(squash(token));
  return found && has(table, found.toLowerCase()) ? ` (did you mean '${found}'?)` : '';
}
