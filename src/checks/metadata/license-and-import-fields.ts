// License-Expression (SPDX, as packaging canonicalizes it), License-File paths and the Metadata 2.5
// Import-Name / Import-Namespace values: packaging validates all three when Warehouse builds its
// Metadata from the upload form.
import { getField, getFields, type CoreMetadata } from '../../dists/metadata.js';
import { pythonLstrip, pythonRstrip } from '../../common/python-text.js';
import { checkLicenseExpression, SPDX_SOURCE } from '../license-expression.js';
import { error, show, value, warning, type Report } from './problems.js';

export function checkLicenseExpressionField(metadata: CoreMetadata, report: Report): void {
  const expression = value(metadata, 'License-Expression');
  if (expression === undefined) return;
  const { refused, refusedLater } = checkLicenseExpression(expression);
  const fix = `Write an SPDX expression in [project] license (pyproject.toml), such as "MIT" or "Apache-2.0 OR MIT", with identifiers from https://spdx.org/licenses/ (this check uses ${SPDX_SOURCE}); then rebuild.`;
  if (refused) {
    report(error('License-Expression', `License-Expression ${show(expression)} is not valid: ${refused}.`, fix));
  } else if (refusedLater) {
    report(
      warning(
        'License-Expression',
        `License-Expression ${show(expression)} is refused by packaging 26.3 and later (${refusedLater}); PyPI still accepts it, until it upgrades.`,
        fix,
      ),
    );
  }
}

/** Why packaging refuses a License-File path: it must be relative, resolved, and written with '/'. */
export function licenseFileProblem(path: string): string | undefined {
  if (path.includes('..')) return "it holds '..'; parent directories are not allowed";
  if (path.includes('*')) return "it holds '*'; the path must be resolved, not a glob pattern";
  if (path.startsWith('/') || windowsAbsolute(path)) return 'it is absolute; it must be relative to the project';
  if (windowsAsPosix(path) !== path)
    return "it is not written in the canonical form: use '/' between parts, with no empty or '.' parts and no trailing '/'";
  return undefined;
}

export function checkLicenseFiles(metadata: CoreMetadata, report: Report): void {
  // Before Metadata-Version 2.4 the field meant something else; it is not sent then (see formFields).
  if (!/^2\.([4-9]|\d\d)$/.test(getField(metadata, 'Metadata-Version') ?? '')) return;
  for (const path of getFields(metadata, 'License-File')) {
    const problem = licenseFileProblem(path);
    if (!problem) continue;
    report(
      error(
        'License-File',
        `License-File ${show(path)} is not valid: ${problem}.`,
        'List the license files in [project] license-files (pyproject.toml) as paths relative to the project root, such as "LICENSE" or "licenses/*.txt" (the build backend resolves the patterns); then rebuild.',
      ),
    );
  }
}

const KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);
const IDENTIFIER = /^[\p{XID_Start}_]\p{XID_Continue}*$/u;

/** Why packaging refuses an Import-Name or Import-Namespace value (`a.b.c`, optionally `; private`). */
export function importNameProblem(text: string): string | undefined {
  const semicolon = text.indexOf(';');
  const name = pythonRstrip(semicolon < 0 ? text : text.slice(0, semicolon));
  for (const part of name.split('.')) {
    if (!IDENTIFIER.test(part)) return `'${part}' is not a valid Python identifier`;
    if (KEYWORDS.has(part)) return `'${part}' is a Python keyword`;
  }
  if (semicolon >= 0 && pythonLstrip(text.slice(semicolon + 1)) !== 'private')
    return "the only option after ';' is 'private'";
  return undefined;
}

export function checkImportNames(metadata: CoreMetadata, report: Report): void {
  for (const field of ['Import-Name', 'Import-Namespace']) {
    const values = getFields(metadata, field);
    // A single empty value is skipped by Warehouse (and means "no import names").
    if (values.length === 1 && values[0] === '') continue;
    for (const text of values) {
      const problem = importNameProblem(text);
      if (!problem) continue;
      report(
        error(
          field,
          `${field} ${show(text)} is not valid: ${problem}.`,
          `Give the importable name as dotted Python identifiers, such as "mypkg" or "mypkg.sub" (add "; private" to hide it), in [project] ${field === 'Import-Name' ? 'import-names' : 'import-namespaces'} (pyproject.toml); then rebuild.`,
        ),
      );
    }
  }
}

/** ntpath.isabs on the path as pathlib would print it: a drive with a root, or two leading separators. */
function windowsAbsolute(path: string): boolean {
  const chars = [...path.replaceAll('/', '\\')];
  return (chars[1] === ':' && chars[2] === '\\') || (chars[0] === '\\' && chars[1] === '\\');
}

/** PureWindowsPath(path).as_posix(): pathlib's parse (drive, root, parts without '' and '.') printed with '/'. */
function windowsAsPosix(path: string): string {
  if (path === '') return '.';
  const [drive, rootFound, rest] = splitRoot(path.replaceAll('/', '\\'));
  let root = rootFound;
  if (!root && drive.startsWith('\\') && !drive.endsWith('\\')) {
    const driveParts = drive.split('\\');
    // //server/share and //?/UNC/server/share have a root even without a separator after them.
    if ((driveParts.length === 4 && !'?.'.includes(driveParts[2]!)) || driveParts.length === 6) root = '\\';
  }
  let tail = rest.split('\\').filter((part) => part !== '' && part !== '.');
  // A first part that would read as a drive keeps a leading '.'.
  if (!drive && !root && tail.length > 0 && splitRoot(tail[0]!)[0]) tail = ['.', ...tail];
  const text = drive || root ? drive + root + tail.join('\\') : tail.join('\\');
  return (text || '.').replaceAll('\\', '/');
}

/** ntpath.splitroot on a path whose separators are all backslashes (code points, as Python indexes). */
function splitRoot(path: string): [drive: string, root: string, rest: string] {
  const chars = [...path];
  const cut = (from: number, to?: number): string => chars.slice(from, to).join('');
  if (chars[0] === '\\') {
    if (chars[1] !== '\\') return ['', '\\', cut(1)];
    const start = cut(0, 8).toUpperCase() === '\\\\?\\UNC\\' ? 8 : 2;
    const index = chars.indexOf('\\', start);
    if (index < 0) return [path, '', ''];
    const index2 = chars.indexOf('\\', index + 1);
    if (index2 < 0) return [path, '', ''];
    return [cut(0, index2), '\\', cut(index2 + 1)];
  }
  if (chars[1] === ':') return chars[2] === '\\' ? [cut(0, 2), '\\', cut(3)] : [cut(0, 2), '', cut(2)];
  return ['', '', path];
}
