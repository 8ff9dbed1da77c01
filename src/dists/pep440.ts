// The version grammar of PEP 440, appendix B, in the form packaging uses.
const VERSION_PATTERN = new RegExp(
  '^\\s*v?(?:(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)' +
    '(?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?' +
    '(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?' +
    '(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?)' +
    '(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*$',
  'i',
);

const PRE_RELEASE_SPELLINGS: Record<string, string> = {
  alpha: 'a',
  a: 'a',
  beta: 'b',
  b: 'b',
  c: 'rc',
  pre: 'rc',
  preview: 'rc',
  rc: 'rc',
};

/** The canonical spelling of a PEP 440 version (as `str(packaging.version.Version(v))`), or undefined. */
export function normalizeVersion(version: string): string | undefined {
  const match = VERSION_PATTERN.exec(version);
  if (!match?.groups) return undefined;
  const g = match.groups;
  const int = (digits: string | undefined): string => String(BigInt(digits ?? '0'));
  let result = '';
  if (g.epoch && BigInt(g.epoch) !== 0n) result += `${int(g.epoch)}!`;
  result += g.release!.split('.').map(int).join('.');
  if (g.pre) result += `${PRE_RELEASE_SPELLINGS[g.preL!.toLowerCase()]}${int(g.preN)}`;
  if (g.post) result += `.post${int(g.postN1 ?? g.postN2)}`;
  if (g.dev) result += `.dev${int(g.devN)}`;
  if (g.local)
    result += `+${g.local
      .toLowerCase()
      .split(/[-_.]/)
      .map((part) => (/^\d+$/.test(part) ? int(part) : part))
      .join('.')}`;
  return result;
}

/**
 * The version as PEP 440 compares it: normalized, without trailing zeros of the release (1.0.0 is 1),
 * like packaging's canonicalize_version; undefined when it is not a PEP 440 version.
 */
export function canonicalVersion(version: string): string | undefined {
  const normalized = normalizeVersion(version);
  return normalized === undefined ? undefined : withoutTrailingZeros(normalized);
}

/** PEP 440 equality (`Version('1.0') == Version('1.0.0')`): trailing zeros of the release do not count. */
export function sameVersion(a: string, b: string): boolean {
  const left = canonicalVersion(a);
  return left !== undefined && left === canonicalVersion(b);
}

/** A release is its project and its version as PEP 440 compares them: 1.0 and 1.0.0 are one release. */
export function releaseKey(project: string, version: string): string {
  return `${normalizeName(project)} ${canonicalVersion(version) ?? version}`;
}

const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';

/**
 * A canonical version (normalizeVersion's) without the trailing zeros of its release: 1.0.0.post1 →
 * 1.post1. A forward scan: versions can come from an index's file list, of any length.
 */
export function withoutTrailingZeros(canonical: string): string {
  const start = canonical.indexOf('!') + 1;
  let end = start;
  while (isDigit(canonical[end])) end++;
  while (canonical[end] === '.' && isDigit(canonical[end + 1])) {
    end++;
    while (isDigit(canonical[end])) end++;
  }
  const segments = canonical.slice(start, end).split('.');
  while (segments.length > 1 && segments.at(-1) === '0') segments.pop();
  return canonical.slice(0, start) + segments.join('.') + canonical.slice(end);
}

/** PEP 503 normalization of a project name. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** PEP 508's rule for a valid project name. */
export function isValidName(name: string): boolean {
  return /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i.test(name);
}
