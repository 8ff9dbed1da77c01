import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { readFileSync } from 'node:fs';
import { blake2b256Hex } from './blake2b.ts';
import { sdistProblem } from './warehouse-sdist.ts';
import { checkAttestations, type AttestationTrust } from './warehouse-attestations.ts';
import type { MultipartPart } from './multipart-parser.ts';
import type { SpooledFile } from './multipart-spool.ts';
import type { MintedToken } from './warehouse-oidc.ts';
import {
  PROJECT_NAME_RE,
  checkDistFilename,
  checkFilenameShape,
  normalizeName,
  normalizeVersion,
  parseVersion,
  pyRepr,
  versionsEqual,
} from './warehouse-rules.ts';

export interface StoredFile {
  /** Empty when the file was spooled to `path`. */
  bytes: Buffer;
  path?: string;
  size: number;
  sha256: string;
  blake2_256: string;
  /** The text parts of the upload, in order, repeated names kept. */
  fields: [string, string][];
  /** The names of the text parts that came after the file part, in order. */
  fieldsAfterFile: string[];
  /** PEP 503 normalized project name. */
  project: string;
  version: string;
  filetype: string;
  uploadedAt: Date;
  /** The PEP 740 objects uploaded with the file (the parsed `attestations` field). */
  attestations: unknown[];
}

export interface UploadState {
  origin: string;
  /** Set: attestations are verified against this root and publisher, as Warehouse verifies them. */
  attestationTrust?: AttestationTrust | undefined;
  maxFileSize: number;
  apiTokens: Set<string>;
  mintedTokens: Map<string, MintedToken>;
  /** Projects that exist on the index: normalized name → name as last uploaded. */
  projects: Map<string, string>;
  files: Map<string, StoredFile>;
}

export interface UploadResult {
  status: number;
  message: string;
}

const CORE_METADATA_URL = 'https://packaging.python.org/specifications/core-metadata';
const LOCAL_VERSION_URL =
  'https://packaging.python.org/en/latest/specifications/version-specifiers/#local-version-identifiers';
const ONE_MIB = 1024 * 1024;
const SINGLE_USE_FIELDS = [
  'metadata_version',
  'name',
  'version',
  'summary',
  'description',
  'description_content_type',
  'keywords',
  'home_page',
  'download_url',
  'author',
  'author_email',
  'maintainer',
  'maintainer_email',
  'license',
  'license_expression',
  'requires_python',
];

class Refusal extends Error {
  status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const refuse = (status: number, message: string): never => {
  throw new Refusal(status, message);
};

/**
 * Warehouse's legacy `file_upload` for a request whose multipart body is already parsed and whose
 * `:action` is file_upload, in Warehouse's order: sanitizing, identity, form, metadata, project and
 * permission, filename, size, digests, duplicates, then the distribution's name and version.
 */
/** `spooled`: the file part's bytes were streamed to disk and hashed there (its `data` is then empty). */
export function handleUpload(
  headers: IncomingHttpHeaders,
  parts: MultipartPart[],
  state: UploadState,
  spooled?: SpooledFile,
): UploadResult {
  try {
    return upload(headers, parts, state, spooled);
  } catch (error) {
    if (error instanceof Refusal) return { status: error.status, message: error.message };
    throw error;
  }
}

export function textFields(parts: MultipartPart[]): [string, string][] {
  return parts.filter((part) => part.filename === undefined).map((part) => [part.name, part.data.toString('utf8')]);
}

function upload(
  headers: IncomingHttpHeaders,
  parts: MultipartPart[],
  state: UploadState,
  spooled: SpooledFile | undefined,
): UploadResult {
  for (const part of parts) {
    if (part.filename !== undefined && part.name !== 'content' && part.name !== 'gpg_signature')
      refuse(400, `${part.name}: Should not be a tuple.`);
  }
  // distutils sends "UNKNOWN" for missing values; Warehouse drops such fields before anything else.
  const unknown = new Set(
    textFields(parts)
      .filter(([, value]) => value.trim() === 'UNKNOWN')
      .map(([name]) => name),
  );
  const fields = textFields(parts).filter(([name]) => !unknown.has(name));
  const all = (name: string): string[] => fields.filter(([key]) => key === name).map(([, value]) => value);
  const get = (name: string): string => all(name)[0] ?? '';

  const identity = authenticate(headers.authorization, state);
  if ((all('protocol_version')[0] ?? '1') !== '1') refuse(400, 'Unknown protocol version.');
  validateForm(get, all);
  validateMetadata(get, all);
  const content = parts.find((part) => part.name === 'content' && part.filename !== undefined);
  if (!content) refuse(400, 'Upload payload does not have a file.');
  const file = content!;

  const name = get('name');
  const project = normalizeName(name);
  // A user's first upload creates the project, in the request's transaction: it is kept only if the upload succeeds.
  if (!state.projects.has(project) && identity.kind === 'publisher') {
    refuse(
      400,
      "Non-user identities cannot create new projects. This was probably caused by successfully using a pending publisher but specifying the project name incorrectly (either in the publisher or in your project's metadata). Please ensure that both match. See: https://docs.pypi.org/trusted-publishers/troubleshooting/",
    );
  }
  const projectName = state.projects.get(project) ?? name;
  if (identity.kind === 'publisher') {
    const now = Math.floor(Date.now() / 1000);
    if (now >= identity.token.expires) refuse(403, 'Invalid API Token: token is expired');
    if (!identity.token.projects.has(project))
      refuse(403, `Invalid API Token: project-scoped token is not valid for project: ${pyRepr(projectName)}`);
  }

  const filename = file.filename!;
  const filetype = get('filetype');
  const shapeProblem = checkFilenameShape(filename, filetype);
  if (shapeProblem) refuse(400, shapeProblem);
  // A part without Content-Type is text/plain to Python's form parser (uv sends none), which passes.
  const contentType = file.contentType ?? 'text/plain';
  if (!contentType || contentType.startsWith('image/')) refuse(400, 'Invalid distribution file.');
  const size = spooled?.size ?? file.data.length;
  if (size > state.maxFileSize) {
    refuse(
      400,
      `File too large. Limit for project ${pyRepr(name)} is ${Math.floor(state.maxFileSize / ONE_MIB)} MB. See ${state.origin}/help/#file-size-limit for more information.`,
    );
  }
  const hashes: Record<string, string> = spooled
    ? { md5: spooled.md5, sha256: spooled.sha256, blake2_256: spooled.blake2_256 }
    : {
        md5: createHash('md5').update(file.data).digest('hex'),
        sha256: createHash('sha256').update(file.data).digest('hex'),
        blake2_256: blake2b256Hex(file.data),
      };
  for (const [digest, actual] of Object.entries(hashes)) {
    const sent = get(`${digest}_digest`).toLowerCase();
    if (sent && !digestsEqual(sent, actual))
      refuse(400, 'The digest supplied does not match a digest calculated from the uploaded file.');
  }

  const existing = [...state.files.entries()].find(
    ([storedName, stored]) => storedName === filename || stored.blake2_256 === hashes.blake2_256,
  );
  if (existing) {
    const [storedName, stored] = existing;
    if (storedName === filename && stored.sha256 === hashes.sha256 && stored.blake2_256 === hashes.blake2_256)
      return { status: 200, message: 'OK' };
    // twine's --skip-existing looks for this message's start; Warehouse keeps it stable for that reason.
    refuse(
      400,
      `File already exists (${pyRepr(filename)}, with blake2_256 hash ${pyRepr(hashes.blake2_256)}). See ${state.origin}/help/#file-name-reuse for more information.`,
    );
  }
  const version = get('version');
  const release = [...state.files.values()].filter((f) => f.project === project && versionsEqual(f.version, version));
  const created = Math.min(...release.map((f) => f.uploadedAt.getTime()));
  // Warehouse since July 2026: a release takes new files for 14 days after it was created.
  if (release.length && Date.now() - created > 14 * 24 * 60 * 60 * 1000) {
    refuse(400, 'Uploading new files to releases older than 14 days is not allowed.');
  }
  if (
    filetype === 'sdist' &&
    [...state.files.values()].some(
      (f) => f.project === project && f.filetype === 'sdist' && versionsEqual(f.version, version),
    )
  ) {
    refuse(400, 'Only one sdist may be uploaded per release.');
  }
  if (filetype === 'sdist' && filename.endsWith('.tar.gz')) {
    const problem = sdistProblem(spooled ? readFileSync(spooled.path) : file.data);
    if (problem) refuse(400, `Invalid distribution file. ${problem}`);
  }
  const nameProblem = checkDistFilename(filename, filetype, name, version);
  if (nameProblem) refuse(400, nameProblem);
  const attestationField = get('attestations');
  const attested = attestationField
    ? checkAttestations(
        attestationField,
        identity.kind === 'publisher',
        filename,
        hashes.sha256,
        state.attestationTrust,
      )
    : undefined;
  if (attested && !attested.ok) refuse(400, attested.message);

  state.projects.set(project, name);
  state.files.set(filename, {
    bytes: Buffer.from(file.data),
    size,
    ...(spooled ? { path: spooled.path } : {}),
    sha256: hashes.sha256,
    blake2_256: hashes.blake2_256,
    fields: textFields(parts),
    fieldsAfterFile: parts
      .slice(parts.findIndex((part) => part.name === 'content' && part.filename !== undefined) + 1)
      .filter((part) => part.filename === undefined)
      .map((part) => part.name),
    project,
    version,
    filetype,
    uploadedAt: new Date(),
    attestations: attested?.ok ? attested.attestations : [],
  });
  return { status: 200, message: 'OK' };
}

function digestsEqual(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

type Identity = { kind: 'user' } | { kind: 'publisher'; token: MintedToken };

function authenticate(authorization: string | undefined, state: UploadState): Identity {
  const invalid = `Invalid or non-existent authentication information. See ${state.origin}/help/#invalid-auth for more information.`;
  const [scheme = '', credentials = ''] = (authorization ?? '').split(/ (.*)/s);
  let token: string | undefined;
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = colon < 0 ? decoded : decoded.slice(0, colon);
    if (user !== '__token__') {
      refuse(
        403,
        `Username/Password authentication is no longer supported. Migrate to API Tokens or Trusted Publishers instead. See ${state.origin}/help/#apitoken and ${state.origin}/help/#trusted-publishers`,
      );
    }
    token = colon < 0 ? undefined : decoded.slice(colon + 1).trim();
  } else if (scheme.toLowerCase() === 'token' || scheme.toLowerCase() === 'bearer') {
    token = credentials;
  }
  if (token && state.apiTokens.has(token)) return { kind: 'user' };
  const minted = token ? state.mintedTokens.get(token) : undefined;
  if (minted) return { kind: 'publisher', token: minted };
  return refuse(403, invalid);
}

/** Warehouse's UploadForm: name, filetype and digest syntax, then pyversion and "some digest". */
function validateForm(get: (name: string) => string, all: (name: string) => string[]): void {
  const errors = new Map<string, string>();
  const name = get('name');
  if (!name) errors.set('name', 'This field is required.');
  else if (!PROJECT_NAME_RE.test(name))
    errors.set('name', "Start and end with a letter or numeral containing only ASCII numeric and '.', '_' and '-'.");
  const filetype = get('filetype');
  if (!filetype) errors.set('filetype', 'This field is required.');
  else if (filetype !== 'sdist' && filetype !== 'bdist_wheel') errors.set('filetype', 'Use a known file type.');
  for (const [field, label] of [
    ['sha256_digest', 'SHA256'],
    ['blake2_256_digest', 'BLAKE2'],
  ] as const) {
    const value = get(field);
    if (value && !/^[A-F0-9]{64}$/i.test(value))
      errors.set(field, `Use a valid, hex-encoded, ${label} message digest.`);
  }
  if (errors.has('name')) {
    const shown = name.length > 60 ? `${name.slice(0, 30)}...${name.slice(-30)}` : name;
    refuse(
      400,
      `${pyRepr(shown)} is an invalid value for Name. Error: ${errors.get('name')} See ${CORE_METADATA_URL} for more information.`,
    );
  }
  const first = [...errors.keys()].sort()[0];
  if (first) refuse(400, `Invalid value for ${first}. Error: ${errors.get(first)}`);
  const pyversion = get('pyversion');
  if (filetype !== 'sdist' && !pyversion)
    refuse(400, 'Invalid value for pyversion. Error: Python version is required for binary distribution uploads.');
  if (filetype === 'sdist' && pyversion && pyversion !== 'source')
    refuse(400, "Invalid value for pyversion. Error: Use 'source' as Python version for an sdist.");
  if (!all('md5_digest')[0] && !get('sha256_digest') && !get('blake2_256_digest'))
    refuse(400, 'Error: Include at least one message digest.');
}

/** The part of Warehouse's metadata validation that concerns the form as such (not the file's contents). */
function validateMetadata(get: (name: string) => string, all: (name: string) => string[]): void {
  const problem = (message: string, url = CORE_METADATA_URL): never =>
    refuse(400, `${message}${message.endsWith('.') ? '' : '.'} See ${url} for more information.`);
  const repeated = SINGLE_USE_FIELDS.filter((field) => all(field).filter((value) => value !== '').length > 1).sort();
  if (repeated.length) problem(`'${repeated[0]}' has invalid data`);
  const metadataVersion = get('metadata_version');
  if (!['1.0', '1.1', '1.2', '2.1', '2.2', '2.3', '2.4', '2.5'].includes(metadataVersion)) {
    problem(`${metadataVersion ? pyRepr(metadataVersion) : 'None'} is not a valid metadata version`);
  }
  const version = get('version');
  if (!version) problem("'version' is a required field");
  const parsed = parseVersion(version);
  if (!parsed || /^\s|\s$/.test(version)) problem(`${pyRepr(version)} is invalid for 'version'`);
  if (parsed!.local)
    problem(`The use of local versions in ${pyRepr(normalizeVersion(version)!)} is not allowed.`, LOCAL_VERSION_URL);
  const summary = get('summary');
  if (summary.includes('\n')) problem("'summary' must be a single line");
  if (summary.length > 512) problem("'summary' field must be 512 characters or less.");
}
