import { describe, it, expect } from 'vitest';
import { parseDistFilename } from '../../src/dists/dists.js';
import { fileReport, formatSize, outputs, summaryMarkdown, type FileReport } from '../../src/report/report.js';
import type { PreparedDist } from '../../src/index/upload.js';

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);
const SHA_C = 'c'.repeat(64);

const REPORTS: FileReport[] = [
  {
    filename: 'foo-1.0-py3-none-any.whl',
    size: 2048,
    sha256: SHA_A,
    blake2_256: '1'.repeat(64),
    result: 'uploaded',
    url: 'https://pypi.org/project/foo/1.0/',
  },
  {
    filename: 'foo-1.0.tar.gz',
    size: 900,
    sha256: SHA_B,
    blake2_256: '2'.repeat(64),
    result: 'skipped',
    url: 'https://pypi.org/project/foo/1.0/',
  },
  { filename: 'bar-2.0.tar.gz', size: 5_000_000, sha256: SHA_C, blake2_256: '3'.repeat(64), result: 'uploaded' },
  {
    filename: 'baz-1.0.tar.gz',
    size: 1,
    sha256: SHA_C,
    blake2_256: '4'.repeat(64),
    result: 'failed',
    url: 'https://pypi.org/project/baz/1.0/',
  },
  { filename: 'qux-1.0.tar.gz', size: 1, sha256: SHA_C, blake2_256: '5'.repeat(64), result: 'not attempted' },
];

describe('outputs', () => {
  it('lists uploaded and skipped files as JSON, without blake2 and without a missing url', () => {
    const { uploaded, skipped } = outputs(REPORTS);
    expect(uploaded).toBe(
      `[{"filename":"foo-1.0-py3-none-any.whl","size":2048,"sha256":"${SHA_A}","url":"https://pypi.org/project/foo/1.0/"},` +
        `{"filename":"bar-2.0.tar.gz","size":5000000,"sha256":"${SHA_C}"}]`,
    );
    expect(skipped).toBe(
      `[{"filename":"foo-1.0.tar.gz","size":900,"sha256":"${SHA_B}","url":"https://pypi.org/project/foo/1.0/"}]`,
    );
  });

  it('adds installable_after_s to the files waited for (wait)', () => {
    const waited = REPORTS.slice(0, 2).map((report, index) => ({ ...report, installableAfterS: [7, 0][index] }));
    const { uploaded, skipped } = outputs(waited);
    expect(JSON.parse(uploaded)).toEqual([
      expect.objectContaining({ filename: 'foo-1.0-py3-none-any.whl', installable_after_s: 7 }),
    ]);
    expect(JSON.parse(skipped)).toEqual([
      expect.objectContaining({ filename: 'foo-1.0.tar.gz', installable_after_s: 0 }),
    ]);
  });

  it('gives empty arrays when nothing was uploaded or skipped', () => {
    expect(outputs([REPORTS[3], REPORTS[4]])).toEqual({ uploaded: '[]', skipped: '[]' });
    expect(outputs([])).toEqual({ uploaded: '[]', skipped: '[]' });
  });
});

describe('summaryMarkdown', () => {
  it('renders a table of every file and its result', () => {
    expect(summaryMarkdown(new URL('https://upload.pypi.org/legacy/'), REPORTS)).toBe(
      [
        '### Publishing to upload.pypi.org',
        '',
        '| File | Size | SHA-256 | Result |',
        '| --- | ---: | --- | --- |',
        `| [foo-1.0-py3-none-any.whl](https://pypi.org/project/foo/1.0/) | 2.0 KiB | \`${SHA_A}\` | ✅ uploaded |`,
        `| [foo-1.0.tar.gz](https://pypi.org/project/foo/1.0/) | 900 B | \`${SHA_B}\` | ⏭️ skipped (already there) |`,
        `| bar-2.0.tar.gz | 4.8 MiB | \`${SHA_C}\` | ✅ uploaded |`,
        `| baz-1.0.tar.gz | 1 B | \`${SHA_C}\` | ❌ failed |`,
        `| qux-1.0.tar.gz | 1 B | \`${SHA_C}\` | ⏸️ not attempted |`,
        '',
      ].join('\n'),
    );
  });

  it('puts the first line of an error above the table, with | escaped, and the rest in a text block', () => {
    const markdown = summaryMarkdown(new URL('http://127.0.0.1:8080/legacy/'), [REPORTS[4]], {
      message: 'Upload refused: a | b | c\n  How to fix: something',
    });
    expect(markdown).toBe(
      [
        '### Publishing to 127.0.0.1:8080',
        '',
        '**Failed:** Upload refused: a \\| b \\| c',
        '',
        '```text',
        '  How to fix: something',
        '```',
        '',
        '| File | Size | SHA-256 | Result |',
        '| --- | ---: | --- | --- |',
        `| qux-1.0.tar.gz | 1 B | \`${SHA_C}\` | ⏸️ not attempted |`,
        '',
      ].join('\n'),
    );
  });

  it('adds an Attestations column only when some file carries one', () => {
    const attested = [{ ...REPORTS[0], attestations: ['publish', 'SLSA provenance (pre-made)'] }, REPORTS[2]];
    const markdown = summaryMarkdown(new URL('https://upload.pypi.org/legacy/'), attested);
    expect(markdown).toContain('| File | Size | SHA-256 | Result | Attestations |\n| --- | ---: | --- | --- | --- |');
    expect(markdown).toContain('| ✅ uploaded | publish, SLSA provenance (pre-made) |');
    expect(markdown).toContain(`| \`${SHA_C}\` | ✅ uploaded | none |`);
    expect(summaryMarkdown(new URL('https://upload.pypi.org/legacy/'), REPORTS)).not.toContain('Attestations');
  });

  it('escapes | in a file cell', () => {
    const report: FileReport = { ...REPORTS[2], filename: 'odd|name-1.0.tar.gz' };
    expect(summaryMarkdown(new URL('https://upload.pypi.org/legacy/'), [report])).toContain(
      '| odd\\|name-1.0.tar.gz | 4.8 MiB |',
    );
  });

  it('shows only the heading and the error when no file got that far', () => {
    expect(
      summaryMarkdown(new URL('https://test.pypi.org/legacy/'), [], { message: 'No distributions were found.' }),
    ).toBe('### Publishing to test.pypi.org\n\n**Failed:** No distributions were found.\n\n');
  });

  it('shows the details (tables) instead of the message body when the error has them', () => {
    const markdown = summaryMarkdown(new URL('https://test.pypi.org/legacy/'), [], {
      message: 'Refused.\n  long text',
      details: '| a | b |\n| --- | --- |',
    });
    expect(markdown).toBe('### Publishing to test.pypi.org\n\n**Failed:** Refused.\n\n| a | b |\n| --- | --- |\n\n');
  });
});

describe('summaryMarkdown with wait', () => {
  it("ends with wait's line, after the table", () => {
    const markdown = summaryMarkdown(
      new URL('https://upload.pypi.org/legacy/'),
      [REPORTS[0]],
      undefined,
      'installable after 7 s; provenance confirmed for 2 files',
    );
    expect(markdown.endsWith('|\n\n**Installable after 7 s; provenance confirmed for 2 files**\n')).toBe(true);
  });
});

describe('formatSize', () => {
  const cases: [bytes: number, text: string][] = [
    [0, '0 B'],
    [1, '1 B'],
    [1023, '1023 B'],
    [1024, '1.0 KiB'],
    [1536, '1.5 KiB'],
    [10 * 1024 + 100, '10.1 KiB'],
    [1024 * 1024, '1.0 MiB'],
    [100 * 1024 * 1024, '100.0 MiB'],
    [1024 ** 3, '1.0 GiB'],
    [10 * 1024 ** 3, '10.0 GiB'],
    [2 * 1024 ** 4, '2048.0 GiB'],
    // Just under a unit must not print as "1024.0" of the smaller one.
    [1024 * 1024 - 1, '1.0 MiB'],
    [1024 ** 3 - 1, '1.0 GiB'],
  ];
  it.each(cases)('%i → %j', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });
});

describe('fileReport', () => {
  const prepared = (filename: string, name: string, version: string): PreparedDist => ({
    dist: { ...parseDistFilename(filename), path: `/tmp/${filename}`, size: 123 },
    digests: { sha256: SHA_A, blake2_256: SHA_B, size: 123 },
    metadata: {
      headers: [
        ['Metadata-Version', '2.4'],
        ['Name', name],
        ['Version', version],
      ],
      body: '',
    },
  });

  it('links the release page on PyPI, named as the metadata names it', () => {
    expect(
      fileReport(
        prepared('my_pkg-1.0rc1-py3-none-any.whl', 'My.Pkg', '1.0rc1'),
        'uploaded',
        new URL('https://upload.pypi.org/legacy/'),
      ),
    ).toEqual({
      filename: 'my_pkg-1.0rc1-py3-none-any.whl',
      size: 123,
      sha256: SHA_A,
      blake2_256: SHA_B,
      result: 'uploaded',
      url: 'https://pypi.org/project/My.Pkg/1.0rc1/',
    });
  });

  it('links TestPyPI and escapes the version', () => {
    expect(
      fileReport(
        prepared('foo-1.0+local-py3-none-any.whl', 'foo', '1.0+local'),
        'skipped',
        new URL('https://test.pypi.org/legacy/'),
      ).url,
    ).toBe('https://test.pypi.org/project/foo/1.0%2Blocal/');
  });

  it('has no url for another index', () => {
    const report = fileReport(
      prepared('foo-1.0.tar.gz', 'foo', '1.0'),
      'uploaded',
      new URL('http://127.0.0.1:8080/legacy/'),
    );
    expect(report).not.toHaveProperty('url');
    expect(report.result).toBe('uploaded');
  });
});
