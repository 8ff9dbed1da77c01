import { describe, expect, it } from 'vitest';
import { checkMetadataFields } from '../../src/checks/metadata-checks.js';
import { parseCoreMetadata } from '../../src/dists/metadata.js';

/** Metadata with the required fields, the given headers and, when given, a body. */
const meta = (headers: string, body?: string) =>
  parseCoreMetadata(
    `Metadata-Version: 2.4\nName: demo\n${/^Version:/m.test(headers) ? '' : 'Version: 1.0\n'}${headers}\n${body === undefined ? '' : `\n${body}`}`,
  );

type Expected = [severity: 'error' | 'warning', field: string, message: string][];

const check = (headers: string, body?: string): Expected =>
  checkMetadataFields(meta(headers, body)).map((p) => [p.severity, p.field, p.message]);

describe('checkMetadataFields', () => {
  const clean: [name: string, headers: string, body?: string][] = [
    ['nothing but the required fields', ''],
    [
      'a typical hatchling file',
      [
        'Summary: A demo',
        'Project-URL: Source, https://github.com/o/demo',
        'Author-email: Ana <ana@example.org>',
        'License-Expression: MIT',
        'Classifier: Programming Language :: Python :: 3',
        'Requires-Python: >=3.9',
        'Requires-Dist: requests>=2.31; python_version >= "3.9"',
        'Provides-Extra: test',
        "Requires-Dist: pytest; extra == 'test'",
        'Description-Content-Type: text/markdown',
      ].join('\n'),
      '# demo\n',
    ],
    [
      "distutils' UNKNOWN fillers, which PyPI drops",
      'Home-page: UNKNOWN\nAuthor-email: UNKNOWN\nLicense: UNKNOWN\nLicense-Expression: MIT\nDescription: UNKNOWN',
    ],
    ['empty values, which PyPI skips', 'Home-page: \nAuthor-email:\nDescription-Content-Type: '],
    ['a Project-URL label of exactly 32 characters', `Project-URL: ${'L'.repeat(32)}, https://example.com`],
    ['a Summary of exactly 512 characters', `Summary: ${'s'.repeat(512)}`],
    ['an address list with quoted commas', 'Author-email: "Doe, Jane" <jane@example.com>, john@example.org'],
    ['a description without content type but also without text', 'Summary: x', '\n'],
    ['Dynamic fields PyPI allows, in any case', 'Dynamic: License-File\nDynamic: requires-dist\nDynamic: Import-Name'],
  ];
  it.each(clean)('finds nothing in %s', (_name, headers, body) => {
    expect(check(headers, body)).toEqual([]);
  });

  const cases: [name: string, headers: string, expected: Expected, body?: string][] = [
    [
      'License with License-Expression',
      'License: MIT License\nLicense-Expression: MIT',
      [
        [
          'error',
          'License',
          "License ('MIT License') and License-Expression ('MIT') are both set; PyPI refuses License when License-Expression is present (PEP 639).",
        ],
      ],
    ],
    [
      'a local version',
      'Version: 2.0+g1a2b3c',
      [
        [
          'error',
          'Version',
          "Version '2.0+g1a2b3c' has a local version label (+g1a2b3c); PyPI refuses local versions.",
        ],
      ],
    ],
    [
      'a folded Summary',
      'Summary: first line\n  second line',
      [
        [
          'error',
          'Summary',
          "Summary 'first line\\n  second line' contains a line break; PyPI requires a single line.",
        ],
      ],
    ],
    [
      'a Summary with a Unicode line separator',
      'Summary: one\u2028two',
      [['error', 'Summary', "Summary 'one\u2028two' contains a line break; PyPI requires a single line."]],
    ],
    [
      'a Summary of 513 characters',
      `Summary: ${'s'.repeat(513)}`,
      [['error', 'Summary', `Summary '${'s'.repeat(77)}…' is 513 characters long; PyPI allows at most 512.`]],
    ],
    [
      'unknown and deprecated classifiers, each reported once',
      [
        'Classifier: Programming Language :: Python :: 3',
        'Classifier: Natural Language :: Ukranian',
        'Classifier: Natural Language :: Ukranian',
        'Classifier: Topic :: Made Up',
      ].join('\n'),
      [
        [
          'error',
          'Classifier',
          "Classifier 'Natural Language :: Ukranian' is deprecated; PyPI refuses it, use 'Natural Language :: Ukrainian' instead.",
        ],
        ['error', 'Classifier', "Classifier 'Topic :: Made Up' is not a known trove classifier; PyPI refuses it."],
      ],
    ],
    [
      'Project-URL problems',
      [
        `Project-URL: ${'L'.repeat(33)}, https://example.com`,
        'Project-URL: Homepage',
        'Project-URL: Docs,',
        'Project-URL: , https://example.com',
        'Project-URL: Source, git@github.com:o/r.git',
        'Project-URL: Tracker, https:tracker.example.com',
        'Project-URL: Docs, https://docs.example.com',
      ].join('\n'),
      [
        [
          'error',
          'Project-URL',
          `Project-URL label '${'L'.repeat(33)}' is 33 characters long; PyPI allows at most 32.`,
        ],
        ['error', 'Project-URL', "Project-URL 'Homepage' has no URL; PyPI requires 'Label, URL'."],
        ['error', 'Project-URL', "Project-URL 'Docs' has no URL; PyPI requires 'Label, URL'."],
        ['error', 'Project-URL', "Project-URL ', https://example.com' has no label; PyPI requires 'Label, URL'."],
        [
          'error',
          'Project-URL',
          "Project-URL 'Source' has 'git@github.com:o/r.git', which is not a valid URL: it has no scheme; PyPI accepts only absolute http:// or https:// URLs.",
        ],
        [
          'warning',
          'Project-URL',
          "Project-URL 'Tracker' has 'https:tracker.example.com': it has no host, so it links nowhere.",
        ],
        ['error', 'Project-URL', "Project-URL label 'Docs' is used twice; packaging refuses repeated labels."],
      ],
    ],
    [
      'Home-page and Download-URL problems',
      'Home-page: www.example.com\nDownload-URL: ftp://ftp.example.com/demo.tar.gz',
      [
        [
          'error',
          'Home-page',
          "Home-page 'www.example.com' is not a valid URL: it has no scheme; PyPI accepts only absolute http:// or https:// URLs.",
        ],
        [
          'error',
          'Download-URL',
          "Download-URL 'ftp://ftp.example.com/demo.tar.gz' is not a valid URL: its scheme is 'ftp'; PyPI accepts only http and https.",
        ],
      ],
    ],
    [
      'a port above 65535 and brackets in a path',
      'Home-page: https://example.com:70000/\nDownload-URL: https://example.com/files[1].tar.gz',
      [
        [
          'error',
          'Home-page',
          "Home-page 'https://example.com:70000/' is not a valid URL: its port 70000 is above 65535.",
        ],
        [
          'error',
          'Download-URL',
          "Download-URL 'https://example.com/files[1].tar.gz' is not a valid URL: '[' and ']' are only allowed in the host part; percent-encode them (%5B, %5D).",
        ],
      ],
    ],
    [
      'a single bad address, a bad address in a list, and one PyPI cannot parse',
      ['Author-email: Jane <jane@localhost>', 'Maintainer-email: ok@example.org, Bot <bot@ci_host.example.org>'].join(
        '\n',
      ),
      [
        [
          'error',
          'Author-email',
          "Author-email 'Jane <jane@localhost>' is not a valid e-mail address: the part after the @-sign has no period (it must be a full domain name).",
        ],
        [
          'warning',
          'Maintainer-email',
          "Maintainer-email lists 'Bot <bot@ci_host.example.org>', which is not a valid e-mail address: the part after the @-sign has invalid characters: '_' (PyPI does not check addresses in a list).",
        ],
      ],
    ],
    [
      'an address with two @-signs',
      'Author-email: jane@@example.com',
      [
        [
          'warning',
          'Author-email',
          "Author-email 'jane@@example.com' is not a valid e-mail address: the part after the @-sign has invalid characters: '@' (PyPI's address parser gives up on it, so PyPI lets it through).",
        ],
      ],
    ],
    [
      "psutil's obfuscated address, which Python 3.14's parser gives up on (issue 14: PyPI accepts it)",
      'Author-email: g.rodola <at> gmail <dot> com',
      [
        [
          'warning',
          'Author-email',
          "Author-email 'g.rodola <at> gmail <dot> com' is not a valid e-mail address: it has no @-sign (PyPI's address parser gives up on it, so PyPI lets it through).",
        ],
      ],
    ],
    [
      'an address PyPI reads differently from how it looks',
      'Author-email: jane @ localhost',
      [
        [
          'error',
          'Author-email',
          "Author-email 'jane @ localhost' (PyPI reads the address as 'jane@localhost') is not a valid e-mail address: the part after the @-sign has no period (it must be a full domain name).",
        ],
      ],
    ],
    [
      'more address rules of email-validator',
      ['Author-email: "jane doe"@example.com', 'Maintainer-email: jane@example.test'].join('\n'),
      [
        [
          'error',
          'Author-email',
          `Author-email '"jane doe"@example.com' is not a valid e-mail address: a quoted part before the @-sign is not allowed.`,
        ],
        [
          'error',
          'Maintainer-email',
          "Maintainer-email 'jane@example.test' is not a valid e-mail address: 'example.test' is a special-use domain that cannot receive e-mail.",
        ],
      ],
    ],
    [
      'dependency problems',
      [
        'Requires-Dist: lib @ https://example.com/lib.zip',
        'Requires-Dist: other >=1 <2',
        'Provides-Dist: demo @ file:///tmp/demo',
        'Obsoletes-Dist: Old (<1.0',
      ].join('\n'),
      [
        [
          'error',
          'Requires-Dist',
          "Requires-Dist 'lib @ https://example.com/lib.zip' is a direct URL reference; PyPI refuses dependencies on URLs.",
        ],
        [
          'error',
          'Requires-Dist',
          "Requires-Dist 'other >=1 <2' is not a valid PEP 508 dependency specifier: expected ',' or ';' at position 11, found '<2'.",
        ],
        [
          'error',
          'Provides-Dist',
          "Provides-Dist 'demo @ file:///tmp/demo' is a direct URL reference; PyPI refuses dependencies on URLs.",
        ],
        [
          'error',
          'Obsoletes-Dist',
          "Obsoletes-Dist 'Old (<1.0' is not a valid PEP 508 dependency specifier: expected ')' to close the version specifier at position 10, found the end.",
        ],
      ],
    ],
    [
      'a bad Requires-Python',
      'Requires-Python: >=3.8.*',
      [
        [
          'error',
          'Requires-Python',
          "Requires-Python '>=3.8.*' is not a valid version specifier set: '>=3.8.*' is not a valid version specifier (such as >=3.9, ==1.2.*, ~=2.1, !=3.0).",
        ],
      ],
    ],
    [
      'bad extra names',
      'Provides-Extra: dev tools\nProvides-Extra: _private\nProvides-Extra: ok.name',
      [
        [
          'error',
          'Provides-Extra',
          "Provides-Extra 'dev tools' is not a valid extra name (letters, digits, '.', '_' and '-', starting and ending with a letter or digit).",
        ],
        [
          'error',
          'Provides-Extra',
          "Provides-Extra '_private' is not a valid extra name (letters, digits, '.', '_' and '-', starting and ending with a letter or digit).",
        ],
      ],
    ],
    [
      'Dynamic naming what it may not',
      'Dynamic: Version\nDynamic: readme\nDynamic: Dynamic',
      [
        ['error', 'Dynamic', "Dynamic names 'Version', which may never be dynamic (PEP 643)."],
        ['error', 'Dynamic', "Dynamic names 'readme', which is not a core metadata field PyPI allows there."],
        ['error', 'Dynamic', "Dynamic names 'Dynamic', which is not a core metadata field PyPI allows there."],
      ],
    ],
    [
      'a wrong content type',
      'Description-Content-Type: text/x-markdown',
      [
        [
          'error',
          'Description-Content-Type',
          "Description-Content-Type 'text/x-markdown' is not accepted: it reads as 'text/x-markdown'; the type must be one of text/markdown, text/x-rst, text/plain.",
        ],
      ],
      '# demo\n',
    ],
    [
      'a Markdown variant in the wrong case',
      'Description-Content-Type: text/markdown; charset=UTF-8; variant=gfm',
      [
        [
          'error',
          'Description-Content-Type',
          "Description-Content-Type 'text/markdown; charset=UTF-8; variant=gfm' is not accepted: the Markdown variant must be GFM or CommonMark (spelled so), not 'gfm'.",
        ],
      ],
      '# demo\n',
    ],
    [
      'a charset other than UTF-8',
      'Description-Content-Type: text/plain; charset=latin-1',
      [
        [
          'error',
          'Description-Content-Type',
          "Description-Content-Type 'text/plain; charset=latin-1' is not accepted: the charset must be UTF-8, not 'latin-1'.",
        ],
      ],
      'demo\n',
    ],
    [
      'a charset spelled in lower case, which PyPI (packaging 26.2) compares to "UTF-8" exactly',
      'Description-Content-Type: text/markdown; charset=utf-8',
      [
        [
          'error',
          'Description-Content-Type',
          "Description-Content-Type 'text/markdown; charset=utf-8' is not accepted: PyPI accepts the charset only spelled 'UTF-8' in capitals, not 'utf-8'.",
        ],
      ],
      '# demo\n',
    ],
    [
      "a parameter name Python's header parser fails on",
      'Description-Content-Type: text/plain; x*',
      [
        [
          'error',
          'Description-Content-Type',
          "Description-Content-Type 'text/plain; x*' is not accepted: PyPI's header parser fails on it (IndexError: string index out of range), so the upload ends in a server error.",
        ],
      ],
      'demo\n',
    ],
    [
      'a repeated charset, which only packaging 26.3 refuses',
      'Description-Content-Type: text/markdown; charset=UTF-8; charset=UTF-8',
      [
        [
          'warning',
          'Description-Content-Type',
          "Description-Content-Type 'text/markdown; charset=UTF-8; charset=UTF-8' is refused by packaging 26.3 and later (it is not a clean \"type/subtype; name=value\" value: stray text or separators, a parameter without a name or value, a repeated parameter, an unclosed quote or comment, or control characters; PyPI reads it as 'text/markdown; charset=UTF-8'); PyPI still accepts it, until it upgrades.",
        ],
      ],
      '# demo\n',
    ],
    [
      'two types in a list, which PyPI reads as text/plain',
      'Description-Content-Type: text/markdown, text/plain',
      [
        [
          'warning',
          'Description-Content-Type',
          "Description-Content-Type 'text/markdown, text/plain' is refused by packaging 26.3 and later (it is not a clean \"type/subtype; name=value\" value: stray text or separators, a parameter without a name or value, a repeated parameter, an unclosed quote or comment, or control characters; PyPI reads it as 'text/plain'); PyPI still accepts it, until it upgrades.",
        ],
      ],
      '# demo\n',
    ],
    [
      'a description without content type',
      'Summary: demo',
      [
        [
          'warning',
          'Description-Content-Type',
          'Description-Content-Type is missing, so PyPI renders the description as reStructuredText (and refuses the upload if it does not render).',
        ],
      ],
      'demo\n====\n',
    ],
    [
      'a description in the Description header, without content type',
      'Description: demo\n        ====',
      [
        [
          'warning',
          'Description-Content-Type',
          'Description-Content-Type is missing, so PyPI renders the description as reStructuredText (and refuses the upload if it does not render).',
        ],
      ],
    ],
    [
      'a License-Expression that is a license name, not an SPDX identifier',
      'License-Expression: Apache 2.0',
      [
        [
          'error',
          'License-Expression',
          "License-Expression 'Apache 2.0' is not valid: its operators and parentheses do not form an expression (did you mean 'Apache-2.0'?).",
        ],
      ],
    ],
    [
      'an unknown license in a License-Expression',
      'License-Expression: mit or gplv3',
      [
        [
          'error',
          'License-Expression',
          "License-Expression 'mit or gplv3' is not valid: 'gplv3' is not an SPDX license identifier.",
        ],
      ],
    ],
    [
      'a License-Expression only packaging 26.3 and later refuse',
      'License-Expression: (MIT) WITH Classpath-exception-2.0',
      [
        [
          'warning',
          'License-Expression',
          "License-Expression '(MIT) WITH Classpath-exception-2.0' is refused by packaging 26.3 and later (WITH must stand between a license and an exception); PyPI still accepts it, until it upgrades.",
        ],
      ],
    ],
    [
      'License-File paths packaging refuses',
      'License-File: ../LICENSE\nLicense-File: licenses\\LICENSE.txt\nLicense-File: LICENSE*\nLicense-File: C:/LICENSE\nLicense-File: ./LICENSE',
      [
        [
          'error',
          'License-File',
          "License-File '../LICENSE' is not valid: it holds '..'; parent directories are not allowed.",
        ],
        [
          'error',
          'License-File',
          "License-File 'licenses\\LICENSE.txt' is not valid: it is not written in the canonical form: use '/' between parts, with no empty or '.' parts and no trailing '/'.",
        ],
        [
          'error',
          'License-File',
          "License-File 'LICENSE*' is not valid: it holds '*'; the path must be resolved, not a glob pattern.",
        ],
        [
          'error',
          'License-File',
          "License-File 'C:/LICENSE' is not valid: it is absolute; it must be relative to the project.",
        ],
        [
          'error',
          'License-File',
          "License-File './LICENSE' is not valid: it is not written in the canonical form: use '/' between parts, with no empty or '.' parts and no trailing '/'.",
        ],
      ],
    ],
    [
      'Import-Name and Import-Namespace values packaging refuses',
      'Import-Name: 2fast\nImport-Name: mypkg; privat\nImport-Namespace: ns.class',
      [
        ['error', 'Import-Name', "Import-Name '2fast' is not valid: '2fast' is not a valid Python identifier."],
        ['error', 'Import-Name', "Import-Name 'mypkg; privat' is not valid: the only option after ';' is 'private'."],
        ['error', 'Import-Namespace', "Import-Namespace 'ns.class' is not valid: 'class' is a Python keyword."],
      ],
    ],
  ];
  it.each(cases)('reports %s', (_name, headers, expected, body) => {
    expect(check(headers, body)).toEqual(expected);
  });

  it('gives every problem a fix that says what to change', () => {
    const problems = checkMetadataFields(
      meta(
        [
          'License: MIT',
          'License-Expression: MIT',
          'Summary: a\n b',
          'Classifier: Nope',
          'Project-URL: X',
          'Home-page: x',
          'Author-email: x',
          'Maintainer-email: a@b.c, d',
          'Requires-Dist: x @ https://x',
          'Requires-Python: 3',
          'Provides-Extra: -',
          'Dynamic: name',
          'Description-Content-Type: text/html',
        ].join('\n'),
      ),
    );
    expect(problems.map((p) => p.field)).toEqual([
      'License',
      'Summary',
      'Classifier',
      'Home-page',
      'Project-URL',
      'Author-email',
      'Maintainer-email',
      'Requires-Dist',
      'Requires-Python',
      'Provides-Extra',
      'Dynamic',
      'Description-Content-Type',
    ]);
    for (const problem of problems) expect(problem.fix).toMatch(/\S{3,}.*(rebuild|instead|pyproject)/);
  });

  it('names the replacement of a deprecated classifier in the fix', () => {
    const [problem] = checkMetadataFields(meta('Classifier: Natural Language :: Ukranian'));
    expect(problem.message).toContain("use 'Natural Language :: Ukrainian' instead");
    expect(problem.fix).toBe('Replace or remove it in [project] classifiers (pyproject.toml), then rebuild.');
  });

  it('suggests the released-version form for a direct reference', () => {
    const [problem] = checkMetadataFields(meta('Requires-Dist: mylib[extra] @ git+https://github.com/o/mylib@v1'));
    expect(problem.fix).toMatch(/^Depend on a released version instead \(e\.g\. `mylib>=1\.0`\)/);
  });
});
