// Dependency specifiers (PEP 508) and version specifiers (PEP 440), checked the way `packaging`
// parses them, since Warehouse hands Requires-Dist and Requires-Python to packaging and refuses
// whatever it cannot parse.

/** What a dependency specifier names; `url` is set for a direct reference (`name @ url`). */
export interface Requirement {
  name: string;
  extras: string[];
  specifier: string;
  url?: string;
  marker?: string;
}

export type RequirementResult = { requirement: Requirement } | { error: string };

const RELEASE = '(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*';
const PRE = '(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?';
const POST = '(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?';
const DEV = '(?:[-_.]?dev[-_.]?[0-9]*)?';
const LOCAL = '(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?';
// One version specifier: `===` takes anything; `==`/`!=` allow `.*` and local versions; `~=` needs
// two release numbers; the ordered comparisons allow neither.
const SPECIFIER =
  '(?:===\\s*[^\\s;)]*' +
  `|(?:==|!=)\\s*v?${RELEASE}(?:\\.\\*|${PRE}${POST}${DEV}${LOCAL})?` +
  `|~=\\s*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)+${PRE}${POST}${DEV}` +
  `|(?:<=|>=|<|>)\\s*v?${RELEASE}${PRE}${POST}${DEV})`;
const WHOLE_SPECIFIER = new RegExp(`^\\s*${SPECIFIER}\\s*$`, 'i');

const MARKER_VARIABLE =
  'python_version|python_full_version|os[._]name|sys[._]platform|platform_(?:release|system)' +
  '|platform[._](?:version|machine|python_implementation)|python_implementation' +
  '|implementation_(?:name|version)|extras?|dependency_groups';

// Sticky patterns, tried at the current position like packaging's tokenizer does.
const TOKENS = {
  ws: /[ \t]+/y,
  identifier: /\b[a-zA-Z0-9][a-zA-Z0-9._-]*\b/y,
  specifier: new RegExp(SPECIFIER, 'iy'),
  prefixTrail: /\.\*/y,
  localTrail: /\+[a-z0-9]+(?:[-_.][a-z0-9]+)*/y,
  url: /[^ \t]+/y,
  variable: new RegExp(`\\b(?:${MARKER_VARIABLE})\\b`, 'y'),
  quoted: /'[^']*'|"[^"]*"/y,
  op: /===|==|~=|!=|<=|>=|<|>/y,
  boolOp: /\b(?:or|and)\b/y,
  in: /\bin\b/y,
  not: /\bnot\b/y,
} as const;

class SyntaxProblem extends Error {}

class Scanner {
  position = 0;
  constructor(readonly source: string) {}

  /** Reads the token if it is next, returning its text. */
  take(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.position;
    const match = pattern.exec(this.source);
    if (!match) return undefined;
    this.position += match[0].length;
    return match[0];
  }

  peek(pattern: RegExp): boolean {
    pattern.lastIndex = this.position;
    return pattern.test(this.source);
  }

  takeChar(char: string): boolean {
    if (this.source[this.position] !== char) return false;
    this.position++;
    return true;
  }

  skipSpace(): void {
    this.take(TOKENS.ws);
  }

  atEnd(): boolean {
    return this.position >= this.source.length;
  }

  fail(expected: string): never {
    const found = this.atEnd() ? 'the end' : `'${this.source.slice(this.position, this.position + 20)}'`;
    throw new SyntaxProblem(`expected ${expected} at position ${this.position + 1}, found ${found}`);
  }

  expect(pattern: RegExp, expected: string): string {
    return this.take(pattern) ?? this.fail(expected);
  }
}

/** Parses a PEP 508 dependency specifier as `packaging.requirements.Requirement` would. */
export function parseRequirement(text: string): RequirementResult {
  try {
    return { requirement: readRequirement(new Scanner(text)) };
  } catch (error) {
    if (error instanceof SyntaxProblem) return { error: error.message };
    throw error;
  }
}

function readRequirement(scanner: Scanner): Requirement {
  scanner.skipSpace();
  const name = scanner.expect(TOKENS.identifier, 'a package name');
  scanner.skipSpace();
  const extras = readExtras(scanner);
  scanner.skipSpace();
  const requirement: Requirement = { name, extras, specifier: '' };
  if (scanner.takeChar('@')) {
    scanner.skipSpace();
    requirement.url = scanner.expect(TOKENS.url, 'a URL after @');
    if (scanner.atEnd()) return requirement;
    scanner.expect(TOKENS.ws, 'whitespace after the URL');
    if (scanner.atEnd()) return requirement;
  } else {
    requirement.specifier = readSpecifiers(scanner);
    scanner.skipSpace();
    if (scanner.atEnd()) return checkSpecifiers(requirement);
  }
  if (!scanner.takeChar(';')) scanner.fail(requirement.specifier ? "',' or ';'" : "a version specifier or ';'");
  const markerStart = scanner.position;
  readMarker(scanner);
  requirement.marker = scanner.source.slice(markerStart).trim();
  scanner.skipSpace();
  if (!scanner.atEnd()) scanner.fail('the end of the requirement');
  return checkSpecifiers(requirement);
}

function checkSpecifiers(requirement: Requirement): Requirement {
  const problem = specifierSetProblem(requirement.specifier);
  if (problem) throw new SyntaxProblem(problem);
  return requirement;
}

function readExtras(scanner: Scanner): string[] {
  if (!scanner.takeChar('[')) return [];
  const extras: string[] = [];
  scanner.skipSpace();
  const first = scanner.take(TOKENS.identifier);
  if (first) {
    extras.push(first);
    for (;;) {
      scanner.skipSpace();
      if (scanner.peek(TOKENS.identifier)) scanner.fail("',' between extra names");
      if (!scanner.takeChar(',')) break;
      scanner.skipSpace();
      extras.push(scanner.expect(TOKENS.identifier, 'an extra name after the comma'));
    }
  }
  scanner.skipSpace();
  if (!scanner.takeChar(']')) scanner.fail("']' to close the extras");
  return extras;
}

function readSpecifiers(scanner: Scanner): string {
  const parenthesized = scanner.takeChar('(');
  scanner.skipSpace();
  let text = '';
  for (;;) {
    const specifier = scanner.take(TOKENS.specifier);
    if (specifier === undefined) break;
    text += specifier;
    if (scanner.peek(TOKENS.prefixTrail)) {
      scanner.fail(
        /^(==(?!=)|!=)/.test(specifier)
          ? "no '.*' after a pre-, post-, dev or local version"
          : "'.*' only after == or !=",
      );
    }
    if (scanner.peek(TOKENS.localTrail)) scanner.fail('a local version (+…) only after == or !=');
    scanner.skipSpace();
    if (!scanner.takeChar(',')) break;
    text += ',';
    scanner.skipSpace();
  }
  scanner.skipSpace();
  if (parenthesized && !scanner.takeChar(')')) scanner.fail("')' to close the version specifier");
  return text;
}

function readMarker(scanner: Scanner): void {
  readMarkerAtom(scanner);
  while (scanner.take(TOKENS.boolOp)) readMarkerAtom(scanner);
}

function readMarkerAtom(scanner: Scanner): void {
  scanner.skipSpace();
  if (scanner.takeChar('(')) {
    scanner.skipSpace();
    readMarker(scanner);
    scanner.skipSpace();
    if (!scanner.takeChar(')')) scanner.fail("')' to close the marker expression");
  } else {
    readMarkerValue(scanner);
    scanner.skipSpace();
    if (scanner.take(TOKENS.not)) {
      scanner.expect(TOKENS.ws, "whitespace after 'not'");
      scanner.expect(TOKENS.in, "'in' after 'not'");
    } else if (!scanner.take(TOKENS.in) && !scanner.take(TOKENS.op)) {
      scanner.fail('a marker operator (<=, <, !=, ==, >=, >, ~=, ===, in, not in)');
    }
    scanner.skipSpace();
    readMarkerValue(scanner);
  }
  scanner.skipSpace();
}

function readMarkerValue(scanner: Scanner): void {
  scanner.skipSpace();
  if (scanner.take(TOKENS.variable) === undefined && scanner.take(TOKENS.quoted) === undefined) {
    scanner.fail('a marker variable (python_version, sys_platform, extra, …) or a quoted string');
  }
}

/** Why a version specifier set (`>=3.9,<4`) is invalid for `packaging.specifiers.SpecifierSet`, or undefined. */
export function specifierSetProblem(text: string): string | undefined {
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    if (!WHOLE_SPECIFIER.test(part))
      return `'${part.trim()}' is not a valid version specifier (such as >=3.9, ==1.2.*, ~=2.1, !=3.0)`;
  }
  return undefined;
}
