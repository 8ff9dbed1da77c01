import { describe, it, expect } from 'vitest';
import { parseDistFilename, type DistFilename } from '../../src/dists/dists.js';
import {
  checkMetadata,
  descriptionOf,
  getField,
  getFields,
  MetadataError,
  parseCoreMetadata,
  type CoreMetadata,
} from '../../src/dists/metadata.js';
import { metadataFormFields, type FormField } from '../../src/dists/form-fields.js';

function metadata(headers: [string, string][], body = ''): CoreMetadata {
  return { headers, body };
}

describe('parseCoreMetadata', () => {
  it('reads headers in order and the body after the blank line', () => {
    expect(
      parseCoreMetadata(
        'Metadata-Version: 2.4\nName: foo\nVersion: 1.0\nClassifier: A\nClassifier: B\n\n# Foo\n\nText.\n',
      ),
    ).toEqual({
      headers: [
        ['Metadata-Version', '2.4'],
        ['Name', 'foo'],
        ['Version', '1.0'],
        ['Classifier', 'A'],
        ['Classifier', 'B'],
      ],
      body: '# Foo\n\nText.\n',
    });
  });

  it('unfolds continuation lines into the previous header, keeping their indentation', () => {
    const parsed = parseCoreMetadata('Name: foo\nLicense: Line one\n        Line two\n\tLine three\nVersion: 1.0\n');
    expect(parsed.headers).toEqual([
      ['Name', 'foo'],
      ['License', 'Line one\n        Line two\n\tLine three'],
      ['Version', '1.0'],
    ]);
    expect(parsed.body).toBe('');
  });

  it('keeps the body byte for byte with CRLF line endings', () => {
    const parsed = parseCoreMetadata('Metadata-Version: 2.1\r\nName: foo\r\n\r\nLine one\r\n\r\nLine two\r\n');
    expect(parsed.headers).toEqual([
      ['Metadata-Version', '2.1'],
      ['Name', 'foo'],
    ]);
    expect(parsed.body).toBe('Line one\r\n\r\nLine two\r\n');
  });

  const bodies: [text: string, body: string][] = [
    ['Name: foo\n\nno trailing newline', 'no trailing newline'],
    ['Name: foo\n\ntwo trailing newlines\n\n', 'two trailing newlines\n\n'],
    ['Name: foo\n\n\nstarts with a blank line\n', '\nstarts with a blank line\n'],
    ['Name: foo\n\n  indented first line\n', '  indented first line\n'],
    ['Name: foo\n\nName: not a header, body text\n', 'Name: not a header, body text\n'],
    ['Name: foo\n', ''],
    ['Name: foo\n\n', ''],
    ['Name: foo', ''],
    ['\nbody only\n', 'body only\n'],
  ];
  it.each(bodies)('body of %j is %j', (text, body) => {
    expect(parseCoreMetadata(text).body).toBe(body);
  });

  it('keeps non-ASCII text in headers and body', () => {
    const parsed = parseCoreMetadata(
      'Name: foo\nAuthor: Jürgen Müller\nSummary: 🐍 ünïcödé — “quoted”\n\nDéjà vu ✓ 日本語\n',
    );
    expect(getField(parsed, 'author')).toBe('Jürgen Müller');
    expect(getField(parsed, 'Summary')).toBe('🐍 ünïcödé — “quoted”');
    expect(parsed.body).toBe('Déjà vu ✓ 日本語\n');
  });

  it('splits a header at its first colon only and drops only the leading space', () => {
    const parsed = parseCoreMetadata('Project-URL: Home, https://example.com:8080/x\nName:foo\nSummary:   spaced  \n');
    expect(parsed.headers).toEqual([
      ['Project-URL', 'Home, https://example.com:8080/x'],
      ['Name', 'foo'],
      ['Summary', 'spaced  '],
    ]);
  });

  const malformed: [text: string, message: string][] = [
    [
      'Name: foo\nthis is not a header\n',
      "line 2 is neither a 'Name: value' header nor a continuation: 'this is not a header'",
    ],
    [': no name\n', "line 1 is neither a 'Name: value' header nor a continuation: ': no name'"],
    [
      `Name: foo\nVersion: 1.0\n${'x'.repeat(200)}\n`,
      `line 3 is neither a 'Name: value' header nor a continuation: '${'x'.repeat(80)}'`,
    ],
  ];
  it.each(malformed)('refuses %j', (text, message) => {
    expect(() => parseCoreMetadata(text)).toThrow(MetadataError);
    expect(() => parseCoreMetadata(text)).toThrow(message);
  });
});

describe('getField / getFields', () => {
  const parsed = metadata([
    ['Name', 'foo'],
    ['classifier', 'A'],
    ['CLASSIFIER', 'B'],
  ]);
  it('match header names case-insensitively', () => {
    expect(getField(parsed, 'name')).toBe('foo');
    expect(getFields(parsed, 'Classifier')).toEqual(['A', 'B']);
    expect(getField(parsed, 'Version')).toBeUndefined();
    expect(getFields(parsed, 'Version')).toEqual([]);
  });
});

describe('checkMetadata', () => {
  const WHEEL = parseDistFilename('foo-1.0-py3-none-any.whl');
  const WHEEL_MEMBER = 'foo-1.0.dist-info/METADATA';
  const WHERE = `foo-1.0-py3-none-any.whl (${WHEEL_MEMBER})`;

  function check(headers: [string, string][], filename = WHEEL.filename): string[] {
    const dist = parseDistFilename(filename);
    const member = dist.kind === 'wheel' ? WHEEL_MEMBER : 'foo-1.0/PKG-INFO';
    const problems = checkMetadata(metadata(headers), { dist, member });
    for (const problem of problems) expect(problem.file).toBe(filename);
    return problems.map((p) => p.message);
  }

  const base = (metadataVersion: string): [string, string][] => [
    ['Metadata-Version', metadataVersion],
    ['Name', 'foo'],
    ['Version', '1.0'],
  ];

  it.each(['1.0', '1.1', '1.2', '2.1', '2.2', '2.3', '2.4', '2.5'])('accepts Metadata-Version %s', (version) => {
    expect(check(base(version))).toEqual([]);
  });

  it('reports each missing required field', () => {
    expect(check([['Summary', 'nothing else']])).toEqual([
      `${WHERE}: the Metadata-Version field is missing.`,
      `${WHERE}: the Name field is missing.`,
      `${WHERE}: the Version field is missing.`,
    ]);
  });

  it('refuses Metadata-Version 2.0, which was never standardised', () => {
    const problems = checkMetadata(metadata(base('2.0')), { dist: WHEEL, member: WHEEL_MEMBER });
    expect(problems.map((p) => p.message)).toEqual([
      `${WHERE}: Metadata-Version 2.0 is not one PyPI accepts (1.0, 1.1, 1.2, 2.1, 2.2, 2.3, 2.4, 2.5).`,
    ]);
    expect(problems[0].hint).toMatch(/^Metadata-Version 2\.0 was never standardised/);
  });

  it('refuses a Metadata-Version from the future', () => {
    const problems = checkMetadata(metadata(base('3.0')), { dist: WHEEL, member: WHEEL_MEMBER });
    expect(problems.map((p) => p.message)).toEqual([
      `${WHERE}: Metadata-Version 3.0 is not one PyPI accepts (1.0, 1.1, 1.2, 2.1, 2.2, 2.3, 2.4, 2.5).`,
    ]);
    expect(problems[0].hint).toBe(
      'Upgrade or configure your build backend to write one of those versions, and rebuild.',
    );
  });

  it('refuses License-Expression under Metadata-Version 2.1', () => {
    const problems = checkMetadata(metadata([...base('2.1'), ['License-Expression', 'MIT']]), {
      dist: WHEEL,
      member: WHEEL_MEMBER,
    });
    expect(problems.map((p) => p.message)).toEqual([
      `${WHERE}: the field License-Expression was introduced in Metadata-Version 2.4, but the file declares 2.1; PyPI refuses it.`,
    ]);
    expect(problems[0].hint).toBe(
      "Upgrade your build backend so that it declares Metadata-Version 2.4 or later, or remove License-Expression from the project's metadata; then rebuild.",
    );
  });

  it('reports a too-new field once, however often it repeats', () => {
    expect(check([...base('1.0'), ['Classifier', 'A'], ['Classifier', 'B'], ['Dynamic', 'Summary']])).toEqual([
      `${WHERE}: the field Classifier was introduced in Metadata-Version 1.1, but the file declares 1.0; PyPI refuses it.`,
      `${WHERE}: the field Dynamic was introduced in Metadata-Version 2.2, but the file declares 1.0; PyPI refuses it.`,
    ]);
  });

  it('tolerates License-File under Metadata-Version 2.1 (old setuptools wrote it; it is not sent)', () => {
    expect(check([...base('2.1'), ['License-File', 'LICENSE'], ['License-File', 'NOTICE']])).toEqual([]);
  });

  it('accepts License-Expression and License-File at 2.4', () => {
    expect(check([...base('2.4'), ['License-Expression', 'MIT'], ['License-File', 'LICENSE']])).toEqual([]);
  });

  const names: [filename: string, nameInFilename: string, metadataName: string][] = [
    ['Foo_Bar-1.0-py3-none-any.whl', 'Foo_Bar', 'foo-bar'],
    ['foo_bar-1.0-py3-none-any.whl', 'foo_bar', 'Foo.Bar'],
    ['foo_bar-1.0.tar.gz', 'foo_bar', 'Foo-Bar'],
    ['zope_interface-1.0.tar.gz', 'zope_interface', 'zope.interface'],
  ];
  it.each(names)(
    'finds that %s and Name %3$s name the same project once normalized',
    (filename, nameInFilename, metadataName) => {
      // Built by hand: whether the filename's own spelling is acceptable is parseDistFilename's question.
      const dist: DistFilename = filename.endsWith('.whl')
        ? { filename, kind: 'wheel', name: nameInFilename, version: '1.0', pyversion: 'py3', platform: 'any' }
        : { filename, kind: 'sdist', name: nameInFilename, version: '1.0', pyversion: 'source' };
      const problems = checkMetadata(
        metadata([
          ['Metadata-Version', '2.4'],
          ['Name', metadataName],
          ['Version', '1.0'],
        ]),
        { dist, member: 'METADATA' },
      );
      expect(problems.map((p) => p.message).filter((m) => m.includes('the filename says the project is'))).toEqual([]);
    },
  );

  const mismatchedNames: [filename: string, metadataName: string, fileName: string][] = [
    ['foo-1.0-py3-none-any.whl', 'bar', 'foo'],
    ['foo-1.0.tar.gz', 'foo-bar', 'foo'],
  ];
  it.each(mismatchedNames)('refuses %s with Name %s', (filename, name, fileName) => {
    const dist = parseDistFilename(filename);
    const member = dist.kind === 'wheel' ? WHEEL_MEMBER : 'foo-1.0/PKG-INFO';
    expect(
      check(
        [
          ['Metadata-Version', '2.4'],
          ['Name', name],
          ['Version', '1.0'],
        ],
        filename,
      ),
    ).toEqual([
      `${filename} (${member}): the filename says the project is '${fileName}' but the metadata says '${name}'.`,
    ]);
  });

  it('refuses a version that differs from the filename', () => {
    expect(
      check([
        ['Metadata-Version', '2.4'],
        ['Name', 'foo'],
        ['Version', '1.1'],
      ]),
    ).toEqual([`${WHERE}: the filename says version 1.0 but the metadata says 1.1.`]);
  });

  const equalVersions: [filename: string, metadataVersion: string][] = [
    ['foo-1.0a1-py3-none-any.whl', '1.0alpha1'],
    ['foo-1.0.post1-py3-none-any.whl', '1.0-1'],
    ['foo-1.0-py3-none-any.whl', 'v1.0'],
    // PyPI compares packaging Version objects, and Version('1.0.0') == Version('1.0').
    ['foo-1.0.0-py3-none-any.whl', '1.0'],
    ['foo-1.0-py3-none-any.whl', '1.0.0'],
  ];
  it.each(equalVersions)('accepts %s with Version %s (equal under PEP 440)', (filename, version) => {
    expect(
      check(
        [
          ['Metadata-Version', '2.4'],
          ['Name', 'foo'],
          ['Version', version],
        ],
        filename,
      ),
    ).toEqual([]);
  });

  it('holds an sdist to the exact normalized version, as PyPI compares its whole filename', () => {
    expect(
      check(
        [
          ['Metadata-Version', '2.4'],
          ['Name', 'foo'],
          ['Version', '1.0'],
        ],
        'foo-1.0.0.tar.gz',
      ),
    ).toEqual(['foo-1.0.0.tar.gz (foo-1.0/PKG-INFO): the filename says version 1.0.0 but the metadata says 1.0.']);
  });

  it('refuses a Version that is not PEP 440', () => {
    expect(
      check([
        ['Metadata-Version', '2.4'],
        ['Name', 'foo'],
        ['Version', 'banana'],
      ]),
    ).toEqual([`${WHERE}: Version 'banana' is not a valid PEP 440 version.`]);
  });

  it('reports every problem of one file together', () => {
    expect(
      check([
        ['Metadata-Version', '2.0'],
        ['Name', 'bar'],
        ['Version', '2.0'],
      ]),
    ).toEqual([
      `${WHERE}: Metadata-Version 2.0 is not one PyPI accepts (1.0, 1.1, 1.2, 2.1, 2.2, 2.3, 2.4, 2.5).`,
      `${WHERE}: the filename says the project is 'foo' but the metadata says 'bar'.`,
      `${WHERE}: the filename says version 1.0 but the metadata says 2.0.`,
    ]);
  });
});

/** The form fields grouped by name, values in the order sent. */
function grouped(fields: FormField[]): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  for (const [name, value] of fields) (groups[name] ??= []).push(value);
  return groups;
}

describe('metadataFormFields', () => {
  it('maps a full METADATA to twine’s form fields', () => {
    const fields = metadataFormFields(
      metadata(
        [
          ['Metadata-Version', '2.4'],
          ['Name', 'foo_bar.baz'],
          ['Version', '1.0'],
          ['Summary', 'A thing'],
          ['Keywords', 'a,b , c'],
          ['Home-page', 'https://example.com'],
          ['Download-URL', 'https://example.com/dl'],
          ['Author', 'Ann'],
          ['Author-email', 'Ann <ann@example.com>'],
          ['Maintainer', 'Bob'],
          ['Maintainer-email', 'bob@example.com'],
          ['License-Expression', 'MIT'],
          ['License-File', 'LICENSE'],
          ['Classifier', 'Programming Language :: Python :: 3'],
          ['Classifier', 'Operating System :: OS Independent'],
          ['Classifier', 'Development Status :: 4 - Beta'],
          ['Requires-Dist', 'requests>=2'],
          ['Requires-Dist', 'click; extra == "cli"'],
          ['Provides-Extra', 'cli'],
          ['Project-URL', 'Source ,  https://github.com/o/r '],
          ['Project-URL', 'Docs,https://docs.example.com'],
          ['Requires-Python', '>=3.9'],
          ['Requires-External', 'libxml2'],
          ['Platform', 'any'],
          ['Supported-Platform', 'linux'],
          ['Provides-Dist', 'foo'],
          ['Obsoletes-Dist', 'oldfoo'],
          ['Dynamic', 'Classifier'],
          ['Description-Content-Type', 'text/markdown'],
          ['X-Custom', 'not sent'],
        ],
        '# Foo\n\nText\n',
      ),
    );
    expect(grouped(fields)).toEqual({
      metadata_version: ['2.4'],
      name: ['foo-bar.baz'],
      version: ['1.0'],
      summary: ['A thing'],
      keywords: ['a, b, c'],
      home_page: ['https://example.com'],
      download_url: ['https://example.com/dl'],
      author: ['Ann'],
      author_email: ['Ann <ann@example.com>'],
      maintainer: ['Bob'],
      maintainer_email: ['bob@example.com'],
      license_expression: ['MIT'],
      license_file: ['LICENSE'],
      classifiers: [
        'Programming Language :: Python :: 3',
        'Operating System :: OS Independent',
        'Development Status :: 4 - Beta',
      ],
      requires_dist: ['requests>=2', 'click; extra == "cli"'],
      provides_extra: ['cli'],
      project_urls: ['Source, https://github.com/o/r', 'Docs, https://docs.example.com'],
      requires_python: ['>=3.9'],
      requires_external: ['libxml2'],
      platform: ['any'],
      supported_platform: ['linux'],
      provides_dist: ['foo'],
      obsoletes_dist: ['oldfoo'],
      dynamic: ['Classifier'],
      description_content_type: ['text/markdown'],
      description: ['# Foo\n\nText\n'],
    });
  });

  const keywords: [header: string, sent: string][] = [
    ['a,b , c', 'a, b, c'],
    ['single', 'single'],
    ['space separated words', 'space separated words'],
    [' x ,y,  z  ', 'x, y, z'],
  ];
  it.each(keywords)('sends Keywords %j as %j', (header, sent) => {
    expect(grouped(metadataFormFields(metadata([['Keywords', header]]))).keywords).toEqual([sent]);
  });

  const projectUrls: [header: string, sent: string][] = [
    ['Homepage, https://example.com', 'Homepage, https://example.com'],
    ['Homepage,https://example.com', 'Homepage, https://example.com'],
    ['  Bug Tracker  ,   https://example.com/issues  ', 'Bug Tracker, https://example.com/issues'],
    ['Query, https://example.com/?a=1,2', 'Query, https://example.com/?a=1,2'],
  ];
  it.each(projectUrls)('sends Project-URL %j as %j', (header, sent) => {
    expect(grouped(metadataFormFields(metadata([['Project-URL', header]]))).project_urls).toEqual([sent]);
  });

  const safeNames: [name: string, sent: string][] = [
    ['foo_bar.baz', 'foo-bar.baz'],
    ['Foo', 'Foo'],
    ['Zope.Interface', 'Zope.Interface'],
    ['a__-_b', 'a-b'],
    ['foo bar', 'foo-bar'],
  ];
  it.each(safeNames)('sends Name %j as the safe name %j', (name, sent) => {
    expect(grouped(metadataFormFields(metadata([['Name', name]]))).name).toEqual([sent]);
  });

  const licenseFiles: [metadataVersion: string, sent: string[] | undefined][] = [
    ['2.1', undefined],
    ['2.2', undefined],
    ['2.3', undefined],
    ['2.4', ['LICENSE', 'NOTICE']],
    ['2.5', ['LICENSE', 'NOTICE']],
  ];
  it.each(licenseFiles)('License-File under Metadata-Version %s is sent as %j', (metadataVersion, sent) => {
    const fields = metadataFormFields(
      metadata([
        ['Metadata-Version', metadataVersion],
        ['License-File', 'LICENSE'],
        ['License-File', 'NOTICE'],
      ]),
    );
    expect(grouped(fields).license_file).toEqual(sent);
  });

  it('takes the description from the body when there is one', () => {
    const fields = metadataFormFields(
      metadata(
        [
          ['Name', 'foo'],
          ['Description', 'from the header'],
        ],
        'from the body\r\nsecond line\n',
      ),
    );
    expect(grouped(fields).description).toEqual(['from the body\r\nsecond line\n']);
  });

  it('takes the description from the Description header when the body is empty', () => {
    const fields = metadataFormFields(
      metadata([
        ['Name', 'foo'],
        ['Description', 'from the header\n        continued'],
      ]),
    );
    // Old setuptools' 8-space indentation, removed as setuptools' rfc822_unescape does.
    expect(grouped(fields).description).toEqual(['from the header\ncontinued']);
  });

  it('removes the common indentation of an old setuptools Description header, keeping deeper indentation', () => {
    const text = parseCoreMetadata(
      'Metadata-Version: 1.1\nName: foo\nVersion: 1.0\nDescription: Title\n        =====\n        \n        Some text::\n        \n            code\n',
    );
    expect(descriptionOf(text)).toEqual({ text: 'Title\n=====\n\nSome text::\n\n    code', unindented: true });
    expect(grouped(metadataFormFields(text)).description).toEqual(['Title\n=====\n\nSome text::\n\n    code']);
  });

  it('leaves a body description and a one-line header alone', () => {
    expect(descriptionOf(metadata([['Description', '  one line']]))).toEqual({ text: 'one line', unindented: false });
    expect(descriptionOf(metadata([['Description', 'x']], '  body\n'))).toEqual({
      text: '  body\n',
      unindented: false,
    });
  });

  it("sends Metadata 2.5's Import-Name and Import-Namespace as Warehouse's import_name and import_namespace", () => {
    const fields = metadataFormFields(
      metadata([
        ['Metadata-Version', '2.5'],
        ['Name', 'foo'],
        ['Import-Name', 'foo'],
        ['Import-Name', 'foo._private; private'],
        ['Import-Namespace', 'foo_ns'],
      ]),
    );
    expect(grouped(fields).import_name).toEqual(['foo', 'foo._private; private']);
    expect(grouped(fields).import_namespace).toEqual(['foo_ns']);
  });

  it('refuses metadata with more than 10,000 header fields', () => {
    expect(() => parseCoreMetadata(`Name: x\n${'Classifier: y\n'.repeat(10_000)}`)).toThrow(
      'more than 10000 header fields',
    );
  });

  it('sends no description when there is none', () => {
    expect(metadataFormFields(metadata([['Name', 'foo']]))).toEqual([['name', 'foo']]);
  });

  it('sends a single-valued field once, the first value, whatever the header’s case', () => {
    const fields = metadataFormFields(
      metadata([
        ['summary', 'first'],
        ['Summary', 'second'],
        ['KEYWORDS', 'a,b'],
        ['Keywords', 'c'],
      ]),
    );
    expect(fields).toEqual([
      ['summary', 'first'],
      ['keywords', 'a, b'],
    ]);
  });
});
