import { STATUS_CODES } from 'node:http';

/** Pure pieces of Warehouse's behaviour: names, versions, filenames, and how errors are answered. */

/** PEP 503 normalized project name. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export const PROJECT_NAME_RE = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i;

/** Python's repr() of a str, as Warehouse's messages quote names and filenames with it. */
export function pyRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  const escaped = value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return quote + (quote === "'" ? escaped.replace(/'/g, "\\'") : escaped) + quote;
}

export interface Pep440 {
  epoch: number;
  release: number[];
  pre?: [string, number];
  post?: number;
  dev?: number;
  local?: string;
}

const VERSION_RE =
  /^\s*v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?(\d+)?)?(?:-(\d+)|[-_.]?(post|rev|r)[-_.]?(\d+)?)?(?:[-_.]?(dev)[-_.]?(\d+)?)?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?\s*$/i;

export function parseVersion(text: string): Pep440 | undefined {
  const m = VERSION_RE.exec(text);
  if (!m) return undefined;
  const version: Pep440 = { epoch: Number(m[1] ?? 0), release: m[2].split('.').map(Number) };
  if (m[3]) {
    const kind = m[3].toLowerCase();
    version.pre = [kind.startsWith('a') ? 'a' : kind.startsWith('b') ? 'b' : 'rc', Number(m[4] ?? 0)];
  }
  if (m[5] !== undefined) version.post = Number(m[5]);
  else if (m[6]) version.post = Number(m[7] ?? 0);
  if (m[8]) version.dev = Number(m[9] ?? 0);
  if (m[10]) version.local = m[10].toLowerCase().replace(/[-_]/g, '.');
  return version;
}

/** str(packaging.version.Version(text)), or undefined when it is no PEP 440 version. */
export function normalizeVersion(text: string): string | undefined {
  const v = parseVersion(text);
  if (!v) return undefined;
  let out = (v.epoch ? `${v.epoch}!` : '') + v.release.join('.');
  if (v.pre) out += `${v.pre[0]}${v.pre[1]}`;
  if (v.post !== undefined) out += `.post${v.post}`;
  if (v.dev !== undefined) out += `.dev${v.dev}`;
  if (v.local) out += `+${v.local}`;
  return out;
}

/** Version equality as packaging has it: 1.0 == 1.0.0. */
export function versionsEqual(a: string, b: string): boolean {
  const key = (text: string): string | undefined => {
    const v = parseVersion(text);
    if (!v) return undefined;
    const release = [...v.release];
    while (release.length > 1 && release[release.length - 1] === 0) release.pop();
    return JSON.stringify([v.epoch, release, v.pre ?? null, v.post ?? null, v.dev ?? null, v.local ?? null]);
  };
  const ka = key(a);
  return ka !== undefined && ka === key(b);
}

const ALLOWED_PLATFORMS = new Set([
  'any',
  'win32',
  'win_arm64',
  'win_amd64',
  'win_ia64',
  'manylinux1_x86_64',
  'manylinux1_i686',
  'manylinux2010_x86_64',
  'manylinux2010_i686',
  'manylinux2014_x86_64',
  'manylinux2014_i686',
  'manylinux2014_aarch64',
  'manylinux2014_armv7l',
  'manylinux2014_ppc64',
  'manylinux2014_ppc64le',
  'manylinux2014_s390x',
  'linux_armv6l',
  'linux_armv7l',
]);
const MACOS_ARCHES = new Set([
  'ppc',
  'ppc64',
  'i386',
  'x86_64',
  'arm64',
  'intel',
  'fat',
  'fat3',
  'fat64',
  'universal',
  'universal2',
]);
const LINUX_ARCHES = new Set(['x86_64', 'i686', 'aarch64', 'armv7l', 'ppc64le', 's390x', 'riscv64']);

/** Warehouse's platform-tag allow-list (plain linux_x86_64 is refused: it names no ABI). */
export function validPlatformTag(tag: string): boolean {
  if (ALLOWED_PLATFORMS.has(tag)) return true;
  let m = /^macosx_(\d+)_(\d+)_(.*)$/.exec(tag);
  if (
    m &&
    MACOS_ARCHES.has(m[3]) &&
    (m[1] === '10' || (['11', '12', '13', '14', '15', '26'].includes(m[1]) && m[2] === '0'))
  )
    return true;
  m = /^(many|musl)linux_(\d+)_(\d+)_(.*)$/.exec(tag);
  if (m) return LINUX_ARCHES.has(m[4]) || (m[1] === 'many' && m[4] === 'ppc64');
  if ((m = /^ios_\d+_\d+_(.*)_(iphoneos|iphonesimulator)$/.exec(tag))) return ['arm64', 'x86_64'].includes(m[1]);
  if ((m = /^android_\d+_(.*)$/.exec(tag))) return ['armeabi_v7a', 'arm64_v8a', 'x86', 'x86_64'].includes(m[1]);
  return /^pyemscripten_\d+_\d+_wasm32$/.test(tag);
}

const EXTENSIONS: Record<string, string[]> = { sdist: ['.zip', '.tar.gz'], bdist_wheel: ['.whl'] };

/** The first filename checks (before the file is read): characters and extension. */
export function checkFilenameShape(filename: string, filetype: string): string | undefined {
  if (/[\x00-\x1f\x7f]/.test(filename)) {
    return 'Cannot upload a file with non-printable characters (ordinals 0-31) or the DEL character (ordinal 127) in the name.';
  }
  if (/[/\\]/.test(filename)) return "Cannot upload a file with '/' or '\\' in the name.";
  const m = /^.+?(\.(tar\.gz|zip|whl))$/i.exec(filename);
  if (!m) {
    return 'Invalid file extension: Use .tar.gz, .whl or .zip extension. See https://www.python.org/dev/peps/pep-0527 and https://peps.python.org/pep-0715/ for more information';
  }
  if (!(EXTENSIONS[filetype] ?? []).includes(m[1])) {
    return `Invalid file extension: Extension ${m[1]} is invalid for filetype ${filetype}. See https://www.python.org/dev/peps/pep-0527 for more information.`;
  }
  return undefined;
}

/**
 * The checks Warehouse makes on a distribution's name after storing is decided: PEP 625 sdist names
 * (so a .zip sdist fails here), and wheel names (PEP 427 escaping, version, platform tags).
 */
export function checkDistFilename(
  filename: string,
  filetype: string,
  projectName: string,
  version: string,
): string | undefined {
  const normalized = normalizeName(projectName);
  const underscored = normalized.replace(/-/g, '_');
  if (filetype === 'sdist') {
    const stem = filename.endsWith('.tar.gz')
      ? filename.slice(0, -7)
      : filename.endsWith('.zip')
        ? filename.slice(0, -4)
        : undefined;
    const dash = stem?.lastIndexOf('-') ?? -1;
    if (stem === undefined || dash < 0 || !parseVersion(stem.slice(dash + 1)))
      return `Invalid source distribution filename: ${filename}`;
    if (normalizeName(stem.slice(0, dash)) !== normalized)
      return `Start filename for ${pyRepr(projectName)} with ${pyRepr(underscored)}.`;
    const expected = `${underscored}-${normalizeVersion(version)}.tar.gz`;
    return filename === expected
      ? undefined
      : `Filename ${pyRepr(filename)} is invalid, should be ${pyRepr(expected)}.`;
  }
  if (!filename.endsWith('.whl')) return undefined;
  const stem = filename.slice(0, -4);
  const dashes = stem.split('-').length - 1;
  if (dashes !== 4 && dashes !== 5) return `Invalid wheel filename (wrong number of parts): ${pyRepr(filename)}`;
  const parts = stem.split('-');
  const [namePart, versionPart] = [parts[0], parts[1]];
  if (namePart.includes('__') || !/^[\w.]*$/u.test(namePart)) return `Invalid project name: ${pyRepr(filename)}`;
  if (!parseVersion(versionPart)) return `Invalid wheel filename (invalid version): ${pyRepr(filename)}`;
  if (dashes === 5 && !/^\d/.test(parts[2])) return `Invalid build number: ${parts[2]} in ${pyRepr(filename)}`;
  for (const platform of parts[parts.length - 1].split('.')) {
    if (!validPlatformTag(platform))
      return `Binary wheel ${pyRepr(filename)} has an unsupported platform tag ${pyRepr(platform)}.`;
  }
  if (normalizeName(namePart) !== normalized)
    return `Start filename for ${pyRepr(projectName)} with ${pyRepr(underscored)}.`;
  // PEP 427 escaping: the name segment must be the normalized name with '_', in lowercase.
  if (namePart !== underscored) {
    return `Filename ${pyRepr(filename)} should contain the normalized project name ${pyRepr(underscored)}, not ${pyRepr(namePart)}.`;
  }
  if (!versionsEqual(versionPart, version)) {
    return `Version in filename should be ${pyRepr(normalizeVersion(version) ?? version)} not ${pyRepr(normalizeVersion(versionPart)!)}.`;
  }
  return undefined;
}

/** Pyramid's explanation sentence for each error status, which it puts before the detail. */
const EXPLANATIONS: Record<number, string> = {
  400: 'The server could not comply with the request since it is either malformed or otherwise incorrect.',
  403: 'Access was denied to this resource.',
  404: 'The resource could not be found.',
  405: 'The method is not allowed for this resource.',
  410: 'This resource is no longer available.  No forwarding address is given.',
  413: 'The body of your request was too large for this server.',
  422: 'Unable to process the contained instructions',
  429: 'The client has sent too many requests in a given amount of time.',
  500: 'The server has either erred or is incapable of performing the requested operation.',
};

/**
 * The reason phrase Warehouse puts the message in. Node refuses CR/LF and characters above U+00FF
 * in a status line; Warehouse likewise squeezes the message into ISO-8859-1 with '?' for the rest.
 */
export function statusMessageFor(message: string): string {
  return message.replace(/[\r\n\t]+/g, ' ').replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}

export type JsonErrorStyle = 'message' | 'pyramid';

export interface Answer {
  contentType: string;
  body: string;
}

/**
 * The body of a Warehouse error (an HTTPException rendered by Pyramid): JSON when the client
 * accepts it, else a small HTML page. `pyramid` style keeps Pyramid's exact JSON message, which
 * is the explanation sentence, blank lines, then the detail; `message` style gives the detail alone.
 */
export function errorAnswer(
  status: number,
  message: string,
  wantsJson: boolean,
  style: JsonErrorStyle = 'message',
): Answer {
  const title = STATUS_CODES[status] ?? 'Error';
  const statusLine = `${status} ${message || title}`;
  const explanation = EXPLANATIONS[status] ?? '';
  if (wantsJson) {
    const jsonMessage = style === 'pyramid' ? `${explanation}\n\n\n${message}\n\n` : message;
    return { contentType: 'application/json', body: JSON.stringify({ message: jsonMessage, code: statusLine, title }) };
  }
  const html = [
    '<html>',
    ' <head>',
    `  <title>${escapeHtml(statusLine)}</title>`,
    ' </head>',
    ' <body>',
    `  <h1>${escapeHtml(statusLine)}</h1>`,
    `  ${escapeHtml(explanation)}<br/><br/>`,
    escapeHtml(message),
    '',
    ' </body>',
    '</html>',
    '',
  ].join('\n');
  return { contentType: 'text/html; charset=UTF-8', body: html };
}

/** Pyramid picks JSON only when the Accept header asks for it rather than HTML. */
export function acceptsJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const quality = (type: string): number => {
    for (const item of accept.split(',')) {
      const [range, ...params] = item.trim().split(';');
      if (range?.trim().toLowerCase() !== type) continue;
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return q === undefined ? 1 : Number(q);
    }
    return 0;
  };
  const json = quality('application/json');
  return json > 0 && json > quality('text/html');
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');
}
