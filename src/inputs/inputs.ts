import { PublishError } from '../common/errors.js';
import { knownSimpleIndex } from '../common/index-urls.js';
import { credentialsAllowed, withoutUserinfo } from '../common/urls.js';

export const DEFAULT_REPOSITORY_URL = 'https://upload.pypi.org/legacy/';

export interface Inputs {
  repositoryUrl: URL;
  packagesDir: string;
  user: string;
  /** Empty: trusted publishing. Set: an API token (or password) for indexes without it. */
  password: string;
  skipExisting: boolean;
  /** The simple API to compare existing files with; derived for PyPI and TestPyPI. */
  checkUrl: URL | undefined;
  /** Retries after the first attempt, for every request. */
  retries: number;
  /** Uploads in flight at once after the first file (1: one after the other). */
  parallel: number;
  verifyMetadata: boolean;
  verbose: boolean;
  printHash: boolean;
  /** PEP 740 attestations (pypa/gh-action-pypi-publish's default: true); made only where src/attest/policy.ts allows. */
  attestations: boolean;
  /** Everything up to the upload, and a plan of what the upload would do; nothing is sent. */
  dryRun: boolean;
  /**
   * After the upload, wait up to this many seconds until the index's simple API serves every file
   * (and confirm PyPI's provenance); undefined: do not wait.
   */
  wait: number | undefined;
}

/** Reads one raw input; in the action `readActionInput`, in tests a plain lookup. */
export type InputReader = (name: string) => string;

/**
 * An input as the runner passes it, by `@actions/core`'s getInput rule (INPUT_ and the name in
 * upper case with spaces as underscores, trimmed), read without loading @actions/core, so that the
 * first request does not wait for it (src/main-step.ts).
 */
export function readActionInput(name: string, env: Record<string, string | undefined> = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** The spellings pypa/gh-action-pypi-publish still honours, which we accept with a warning. */
const DEPRECATED_SPELLINGS: Record<string, string> = {
  'repository-url': 'repository_url',
  'packages-dir': 'packages_dir',
  'skip-existing': 'skip_existing',
  'print-hash': 'print_hash',
  'verify-metadata': 'verify_metadata',
};

export function parseInputs(read: InputReader, warn: (message: string) => void): Inputs {
  /** The value and the spelling it was given under, so that messages name what the user wrote. */
  const spelled = (name: string): { value: string; spelling: string } => {
    const current = read(name).trim();
    const oldName = DEPRECATED_SPELLINGS[name];
    const old = oldName ? read(oldName).trim() : '';
    if (old && oldName) {
      if (current && current !== old) {
        warn(`Both '${name}' and its deprecated spelling '${oldName}' are set; using '${name}: ${current}'.`);
        return { value: current, spelling: name };
      }
      warn(`The input '${oldName}' is deprecated; rename it to '${name}' in your workflow.`);
      return { value: old, spelling: oldName };
    }
    return { value: current, spelling: name };
  };
  const value = (name: string): string => spelled(name).value;
  const flag = (name: string, fallback: boolean): boolean => {
    const { value: raw, spelling } = spelled(name);
    return parseBoolean(spelling, raw, fallback);
  };

  const repositoryUrl = parseRepositoryUrl(value('repository-url') || DEFAULT_REPOSITORY_URL);
  const checkUrl = parseCheckUrl(value('check-url'));
  return {
    repositoryUrl,
    // Backslashes too, so that one workflow's `dist\\` or `.\\dist` works on every runner OS.
    packagesDir: (value('packages-dir') || 'dist').replace(/\\/g, '/'),
    user: value('user') || '__token__',
    password: read('password').trim(),
    skipExisting: flag('skip-existing', false),
    checkUrl,
    retries: parseRetries(value('retries')),
    parallel: parseParallel(value('parallel')),
    verifyMetadata: flag('verify-metadata', true),
    verbose: flag('verbose', false),
    printHash: flag('print-hash', true),
    attestations: flag('attestations', true),
    dryRun: flag('dry-run', false),
    wait: parseWait(value('wait'), repositoryUrl, checkUrl),
  };
}

/** The same words `core.getBooleanInput` accepts (YAML 1.2 core schema), but an empty value means the default. */
export function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  if (raw === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new PublishError(`The input '${name}' is '${raw}', which is not a boolean.`, {
    hint: `Set '${name}' to true or false.`,
  });
}

export function parseRepositoryUrl(raw: string): URL {
  return parseIndexUrl(
    'repository-url',
    raw,
    `Give the index's full upload URL, for example ${DEFAULT_REPOSITORY_URL} or https://test.pypi.org/legacy/.`,
  );
}

/**
 * repository-url and check-url follow one rule: http(s) only, no user:password in the URL (the
 * message never repeats one), and plain http only to this machine.
 */
function parseIndexUrl(name: string, raw: string, example: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PublishError(`The input '${name}' is '${withoutUserinfo(raw)}', which is not a URL.`, { hint: example });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PublishError(`The input '${name}' uses '${url.protocol}', but an index is reached over HTTPS.`, {
      hint: example,
    });
  }
  if (url.username || url.password) {
    throw new PublishError(`The input '${name}' has a user name or password in it.`, {
      hint: `Remove them from the URL and pass them as 'user' and 'password' (from a secret) instead.`,
    });
  }
  if (!credentialsAllowed(url)) {
    throw new PublishError(
      `The input '${name}' is ${url.href}: plain http:// to another machine would send your credentials unencrypted.`,
      {
        hint: `Use https://${url.host}${url.pathname}. Plain http:// is allowed only for this machine (localhost, 127.0.0.1, ::1).`,
      },
    );
  }
  return url;
}

export const DEFAULT_RETRIES = 4;

export function parseRetries(raw: string): number {
  if (raw === '') return DEFAULT_RETRIES;
  if (!/^\d+$/.test(raw) || Number(raw) > 20) {
    throw new PublishError(`The input 'retries' is '${raw}', which is not a whole number from 0 to 20.`, {
      hint: `Set 'retries' to how many times a failed request may be tried again (default ${DEFAULT_RETRIES}; 0 turns retries off).`,
    });
  }
  return Number(raw);
}

export const DEFAULT_PARALLEL = 4;

export function parseParallel(raw: string): number {
  if (raw === '') return DEFAULT_PARALLEL;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 16) {
    throw new PublishError(`The input 'parallel' is '${raw}', which is not a whole number from 1 to 16.`, {
      hint: `Set 'parallel' to how many files may be uploaded at once after the first (default ${DEFAULT_PARALLEL}; 1 uploads one file after the other).`,
    });
  }
  return Number(raw);
}

export function parseCheckUrl(raw: string): URL | undefined {
  if (raw === '') return undefined;
  return parseIndexUrl(
    'check-url',
    raw,
    "Give the index's simple API, for example https://my-index.example/simple/ (for PyPI and TestPyPI it is known and can be left out).",
  );
}

export const DEFAULT_WAIT_SECONDS = 300;
const MAX_WAIT_SECONDS = 3600;

/**
 * 'true' waits up to 300 s, a whole number of seconds is the limit, 'false' (or nothing) does not
 * wait. Refused here, before anything is uploaded, when the run could not know where to look.
 */
export function parseWait(raw: string, repositoryUrl: URL, checkUrl: URL | undefined): number | undefined {
  const numeric = raw !== '' && Number.isFinite(Number(raw));
  const seconds = numeric ? Number(raw) : parseWaitFlag(raw);
  if (seconds === undefined) return undefined;
  if (numeric && (!/^\d+$/.test(raw) || seconds < 1 || seconds > MAX_WAIT_SECONDS)) {
    throw new PublishError(
      `The input 'wait' is '${raw}', which is not a whole number of seconds from 1 to ${MAX_WAIT_SECONDS}.`,
      {
        hint: `Set 'wait' to true (up to ${DEFAULT_WAIT_SECONDS} s), to a number of seconds from 1 to ${MAX_WAIT_SECONDS}, or to false.`,
      },
    );
  }
  if (!checkUrl && !knownSimpleIndex(repositoryUrl)) {
    throw new PublishError(
      `The input 'wait' is set, but where ${repositoryUrl.host} lists its files is not known: it is not PyPI or TestPyPI, and 'check-url' is not set.`,
      {
        hint: "Set 'check-url' to the index's simple API (for example https://my-index.example/simple/), or leave 'wait' off.",
      },
    );
  }
  return seconds;
}

function parseWaitFlag(raw: string): number | undefined {
  try {
    return parseBoolean('wait', raw, false) ? DEFAULT_WAIT_SECONDS : undefined;
  } catch {
    throw new PublishError(`The input 'wait' is '${raw}', which is neither a boolean nor a number of seconds.`, {
      hint: `Set 'wait' to true (up to ${DEFAULT_WAIT_SECONDS} s), to a number of seconds from 1 to ${MAX_WAIT_SECONDS}, or to false.`,
    });
  }
}
