import { describe, it, expect } from 'vitest';
import { PublishError } from '../../src/common/errors.js';
import { DEFAULT_REPOSITORY_URL, parseInputs, readActionInput, type Inputs } from '../../src/inputs/inputs.js';

/** parseInputs over a plain object, as the workflow would give it; returns the warnings too. */
function parse(given: Record<string, string>): { inputs: Inputs; warnings: string[] } {
  const warnings: string[] = [];
  const inputs = parseInputs(
    (name) => given[name] ?? '',
    (message) => warnings.push(message),
  );
  return { inputs, warnings };
}

function parseError(given: Record<string, string>): PublishError {
  try {
    parse(given);
  } catch (error) {
    expect(error).toBeInstanceOf(PublishError);
    return error as PublishError;
  }
  throw new Error('expected a PublishError, but nothing was thrown');
}

describe('parseInputs: defaults', () => {
  it('fills every input left empty', () => {
    const { inputs, warnings } = parse({});
    expect(inputs).toEqual({
      repositoryUrl: new URL('https://upload.pypi.org/legacy/'),
      packagesDir: 'dist',
      user: '__token__',
      password: '',
      skipExisting: false,
      checkUrl: undefined,
      retries: 4,
      parallel: 4,
      verifyMetadata: true,
      verbose: false,
      printHash: true,
      attestations: true,
      dryRun: false,
      wait: undefined,
    });
    expect(inputs.repositoryUrl.href).toBe(DEFAULT_REPOSITORY_URL);
    expect(warnings).toEqual([]);
  });

  it('treats whitespace-only inputs as empty', () => {
    const { inputs } = parse({ 'packages-dir': '  ', user: '\n', 'skip-existing': ' ' });
    expect(inputs.packagesDir).toBe('dist');
    expect(inputs.user).toBe('__token__');
    expect(inputs.skipExisting).toBe(false);
  });

  it('uses the values given', () => {
    const { inputs, warnings } = parse({
      'repository-url': 'https://test.pypi.org/legacy/',
      'packages-dir': 'wheelhouse/',
      user: 'alice',
      password: ' pypi-secret ',
      'skip-existing': 'true',
      'verify-metadata': 'false',
      verbose: 'true',
      'print-hash': 'false',
      'check-url': 'https://test.pypi.org/simple/',
      retries: '0',
      parallel: '1',
      'dry-run': 'true',
      wait: '120',
    });
    expect(inputs).toEqual({
      repositoryUrl: new URL('https://test.pypi.org/legacy/'),
      packagesDir: 'wheelhouse/',
      user: 'alice',
      password: 'pypi-secret',
      skipExisting: true,
      checkUrl: new URL('https://test.pypi.org/simple/'),
      retries: 0,
      parallel: 1,
      verifyMetadata: false,
      verbose: true,
      printHash: false,
      attestations: true,
      dryRun: true,
      wait: 120,
    });
    expect(warnings).toEqual([]);
  });
});

describe('parseInputs: deprecated snake_case spellings', () => {
  const spellings: [
    oldName: string,
    newName: string,
    value: string,
    read: (inputs: Inputs) => unknown,
    expected: unknown,
  ][] = [
    [
      'repository_url',
      'repository-url',
      'https://test.pypi.org/legacy/',
      (i) => i.repositoryUrl.href,
      'https://test.pypi.org/legacy/',
    ],
    ['packages_dir', 'packages-dir', 'out', (i) => i.packagesDir, 'out'],
    ['skip_existing', 'skip-existing', 'true', (i) => i.skipExisting, true],
    ['verify_metadata', 'verify-metadata', 'false', (i) => i.verifyMetadata, false],
    ['print_hash', 'print-hash', 'false', (i) => i.printHash, false],
  ];
  it.each(spellings)('accepts %s with a warning', (oldName, newName, value, read, expected) => {
    const { inputs, warnings } = parse({ [oldName]: value });
    expect(read(inputs)).toEqual(expected);
    expect(warnings).toEqual([`The input '${oldName}' is deprecated; rename it to '${newName}' in your workflow.`]);
  });

  it('prefers the new spelling when both are set to different values, and says so', () => {
    const { inputs, warnings } = parse({ 'packages-dir': 'dist/', packages_dir: 'out' });
    expect(inputs.packagesDir).toBe('dist/');
    expect(warnings).toEqual([
      "Both 'packages-dir' and its deprecated spelling 'packages_dir' are set; using 'packages-dir: dist/'.",
    ]);
  });

  it('only warns about the deprecation when both are set to the same value', () => {
    const { inputs, warnings } = parse({ 'skip-existing': 'true', skip_existing: 'true' });
    expect(inputs.skipExisting).toBe(true);
    expect(warnings).toEqual([
      "The input 'skip_existing' is deprecated; rename it to 'skip-existing' in your workflow.",
    ]);
  });

  it('has no snake_case spelling for user, password or verbose', () => {
    const { inputs, warnings } = parse({ User: 'x', pass_word: 'y', Verbose: 'true' });
    expect(inputs.user).toBe('__token__');
    expect(inputs.password).toBe('');
    expect(inputs.verbose).toBe(false);
    expect(warnings).toEqual([]);
  });
});

describe('parseInputs: booleans', () => {
  const words: [raw: string, value: boolean][] = [
    ['true', true],
    ['True', true],
    ['TRUE', true],
    [' true ', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
  ];
  it.each(words)('reads %j as %s', (raw, value) => {
    const { inputs } = parse({ 'skip-existing': raw, 'verify-metadata': raw, verbose: raw, 'print-hash': raw });
    expect([inputs.skipExisting, inputs.verifyMetadata, inputs.verbose, inputs.printHash]).toEqual([
      value,
      value,
      value,
      value,
    ]);
  });

  const refused: [input: string, raw: string][] = [
    ['skip-existing', 'yes'],
    ['verify-metadata', 'no'],
    ['verbose', 'tRuE'],
    ['print-hash', '1'],
    ['skip-existing', 'on'],
  ];
  it.each(refused)('refuses %s: %j, naming the input', (input, raw) => {
    const error = parseError({ [input]: raw });
    expect(error.message).toBe(`The input '${input}' is '${raw}', which is not a boolean.`);
    expect(error.hint).toBe(`Set '${input}' to true or false.`);
  });
});

describe('parseInputs: repository-url', () => {
  const accepted: [raw: string, href: string][] = [
    ['https://upload.pypi.org/legacy/', 'https://upload.pypi.org/legacy/'],
    ['https://test.pypi.org/legacy/', 'https://test.pypi.org/legacy/'],
    ['  https://example.com/legacy/  ', 'https://example.com/legacy/'],
    ['http://127.0.0.1:8080/legacy/', 'http://127.0.0.1:8080/legacy/'],
    ['http://localhost/', 'http://localhost/'],
    ['http://[::1]/', 'http://[::1]/'],
    ['http://[::1]:3141/simple/', 'http://[::1]:3141/simple/'],
    ['http://LOCALHOST:8080/legacy/', 'http://localhost:8080/legacy/'],
  ];
  it.each(accepted)('accepts %s', (raw, href) => {
    expect(parse({ 'repository-url': raw }).inputs.repositoryUrl.href).toBe(href);
  });

  it('refuses a value that is not a URL', () => {
    const error = parseError({ 'repository-url': 'upload.pypi.org/legacy/' });
    expect(error.message).toBe("The input 'repository-url' is 'upload.pypi.org/legacy/', which is not a URL.");
    expect(error.hint).toContain('https://upload.pypi.org/legacy/');
  });

  it.each([
    ['ftp://example.com/legacy/', 'ftp:'],
    ['file:///tmp/index', 'file:'],
  ])('refuses %s', (raw, protocol) => {
    const error = parseError({ 'repository-url': raw });
    expect(error.message).toBe(`The input 'repository-url' uses '${protocol}', but an index is reached over HTTPS.`);
  });

  it.each(['https://__token__:pypi-secret@upload.pypi.org/legacy/', 'https://alice@example.com/legacy/'])(
    'refuses credentials in %s without repeating them',
    (raw) => {
      const error = parseError({ 'repository-url': raw });
      expect(error.message).toBe("The input 'repository-url' has a user name or password in it.");
      expect(`${error.message} ${error.hint}`).not.toMatch(/pypi-secret|alice/);
    },
  );

  it('never repeats a password from a URL it cannot parse', () => {
    const error = parseError({ 'repository-url': 'https://__token__:pypi-secret@exa mple.com/legacy/' });
    expect(error.message).toBe("The input 'repository-url' is 'https://***@exa mple.com/legacy/', which is not a URL.");
  });

  it.each([
    ['http://example.com', 'http://example.com/', 'https://example.com/'],
    ['http://api.localhost/', 'http://api.localhost/', 'https://api.localhost/'],
    ['http://upload.pypi.org/legacy/', 'http://upload.pypi.org/legacy/', 'https://upload.pypi.org/legacy/'],
    ['http://10.0.0.5:8080/legacy/', 'http://10.0.0.5:8080/legacy/', 'https://10.0.0.5:8080/legacy/'],
    ['http://localhost.example.com/', 'http://localhost.example.com/', 'https://localhost.example.com/'],
  ])('refuses plain http to another machine: %s', (raw, href, https) => {
    const error = parseError({ 'repository-url': raw });
    expect(error.message).toBe(
      `The input 'repository-url' is ${href}: plain http:// to another machine would send your credentials unencrypted.`,
    );
    expect(error.hint).toBe(
      `Use ${https}. Plain http:// is allowed only for this machine (localhost, 127.0.0.1, ::1).`,
    );
  });
});

describe('parseInputs: retries and check-url', () => {
  it.each(['-1', '1.5', 'many', '21'])('refuses retries: %s', (raw) => {
    expect(() => parse({ retries: raw })).toThrow(
      `The input 'retries' is '${raw}', which is not a whole number from 0 to 20.`,
    );
  });

  it.each(['0', '-1', '2.5', 'all', '17'])('refuses parallel: %s', (raw) => {
    expect(() => parse({ parallel: raw })).toThrow(
      `The input 'parallel' is '${raw}', which is not a whole number from 1 to 16.`,
    );
  });

  it.each([
    ['not a url', "The input 'check-url' is 'not a url', which is not a URL."],
    ['ftp://example.org/simple/', "The input 'check-url' uses 'ftp:', but an index is reached over HTTPS."],
    // check-url follows repository-url's rules (issue 9).
    [
      'http://index.example/simple/',
      "The input 'check-url' is http://index.example/simple/: plain http:// to another machine would send your credentials unencrypted.",
    ],
    ['http://api.localhost/simple/', "The input 'check-url' is http://api.localhost/simple/: plain http://"],
    ['https://user:hunter2@index.example/simple/', "The input 'check-url' has a user name or password in it."],
  ])('refuses check-url %s', (raw, message) => {
    expect(() => parse({ 'check-url': raw })).toThrow(message);
    expect(() => parse({ 'check-url': raw })).not.toThrow('hunter2');
  });
});

describe('parseInputs: packages-dir with Windows separators', () => {
  it.each([
    ['dist\\', 'dist/'],
    ['.\\build\\dist', './build/dist'],
    ['dist', 'dist'],
  ])('%j → %j', (raw, expected) => {
    expect(parse({ 'packages-dir': raw }).inputs.packagesDir).toBe(expected);
  });

  it('attestations: false is accepted', () => {
    expect(parse({ attestations: 'false' }).inputs.attestations).toBe(false);
  });
});

describe('parseInputs: wait', () => {
  it.each([
    ['', undefined],
    ['false', undefined],
    ['False', undefined],
    ['true', 300],
    ['TRUE', 300],
    ['1', 1],
    ['45', 45],
    ['3600', 3600],
  ])('wait: %j → %j seconds (PyPI)', (raw, seconds) => {
    expect(parse({ wait: raw }).inputs.wait).toBe(seconds);
  });

  it.each(['0', '3601', '-5', '2.5', '1e3'])('refuses a number out of range or not whole: %s', (raw) => {
    const error = parseError({ wait: raw });
    expect(error.message).toBe(`The input 'wait' is '${raw}', which is not a whole number of seconds from 1 to 3600.`);
    expect(error.hint).toBe("Set 'wait' to true (up to 300 s), to a number of seconds from 1 to 3600, or to false.");
  });

  it.each(['yes', 'on', '5s', 'forever'])('refuses a word that is not a boolean: %s', (raw) => {
    const error = parseError({ wait: raw });
    expect(error.message).toBe(`The input 'wait' is '${raw}', which is neither a boolean nor a number of seconds.`);
    expect(error.hint).toContain("Set 'wait' to true");
  });

  it('knows where to look on TestPyPI, and wherever check-url points', () => {
    expect(parse({ wait: 'true', 'repository-url': 'https://test.pypi.org/legacy/' }).inputs.wait).toBe(300);
    expect(
      parse({
        wait: '10',
        'repository-url': 'https://my-index.example/legacy/',
        'check-url': 'https://my-index.example/simple/',
      }).inputs.wait,
    ).toBe(10);
  });

  it('is an error at input time on an index whose simple API is not known', () => {
    const error = parseError({ wait: 'true', 'repository-url': 'https://my-index.example/legacy/' });
    expect(error.message).toBe(
      "The input 'wait' is set, but where my-index.example lists its files is not known: it is not PyPI or TestPyPI, and 'check-url' is not set.",
    );
    expect(error.hint).toBe(
      "Set 'check-url' to the index's simple API (for example https://my-index.example/simple/), or leave 'wait' off.",
    );
    // Off, it needs nothing.
    expect(parse({ wait: 'false', 'repository-url': 'https://my-index.example/legacy/' }).inputs.wait).toBeUndefined();
  });
});

describe('readActionInput: @actions/core getInput’s rule, without loading it', () => {
  it.each([
    ['repository-url', { 'INPUT_REPOSITORY-URL': ' https://x/legacy/ \n' }, 'https://x/legacy/'],
    ['packages_dir', { INPUT_PACKAGES_DIR: 'dist' }, 'dist'],
    ['some input', { INPUT_SOME_INPUT: '\tv\t' }, 'v'],
    ['password', {}, ''],
  ])('%s', async (name, env, expected) => {
    const { getInput } = await import('@actions/core');
    expect(readActionInput(name, env)).toBe(expected);
    const saved = { ...process.env };
    try {
      for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
      Object.assign(process.env, env);
      expect(readActionInput(name)).toBe(getInput(name));
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });
});
