import { describe, expect, it } from 'vitest';
import { checkRst, RST_CHECKS_NOT_DONE } from '../../src/checks/rst-check.js';

// Each snippet is refused by readme_renderer 46 / docutils 0.23, on the line given here (docutils
// reports some on a neighbouring line: a paragraph's first line, or the line after a list).
const problems: [check: string, text: string, line: number, message: string][] = [
  [
    'title underline too short',
    'Installation\n-----\n\nText.\n',
    2,
    "the underline of the title 'Installation' is shorter than the title (5 characters for 12)",
  ],
  [
    'title overline too short',
    '=====\n Installation\n=====\n',
    1,
    "the overline of the title 'Installation' is shorter than the title (5 characters for 13)",
  ],
  [
    'overline and underline differ',
    '=============\n Installation\n============\n',
    1,
    "the overline and the underline of the title 'Installation' differ ('=============' and '============')",
  ],
  [
    'overline without underline',
    '=======\n mylib\n\nText.\n',
    1,
    "the title 'mylib' has an overline but no matching underline",
  ],
  [
    'two punctuation lines',
    'Text.\n\n=====\n-----\n\nMore.\n',
    3,
    'two lines of punctuation follow each other: this is neither a title nor a transition',
  ],
  [
    'title in a block quote',
    'Text.\n\n  Usage\n  =====\n',
    3,
    "the title 'Usage' is inside an indented block (quote, list item or directive), where titles are not allowed",
  ],
  [
    'transition in a list item',
    '- item\n\n  ----------\n',
    3,
    "the line '----------' would be a title underline or a transition, but it is inside an indented block (quote, list item or directive) where neither is allowed",
  ],
  [
    'title style skipping a level',
    'A\n=\n\nB\n-\n\nC\n=\n\nD\n~\n',
    10,
    "the title 'D' skips a level: its '~' underline makes it a level-3 title right under a level-1 one",
  ],
  [
    'transition first in the document',
    '-----\n\nText.\n',
    1,
    'the document starts with a transition (a line of punctuation)',
  ],
  [
    'transition right after a title',
    'Title\n=====\n\n-----\n\nText.\n',
    4,
    'the section starts with a transition (a line of punctuation)',
  ],
  [
    'transition last in the document',
    'Text.\n\n-----\n',
    3,
    'the document ends with a transition (a line of punctuation)',
  ],
  [
    'two transitions in a row',
    'Text.\n\n-----\n\n-----\n\nMore.\n',
    5,
    'two transitions (lines of punctuation) follow each other with nothing between them',
  ],
  [
    'Sphinx directive',
    '.. toctree::\n   :maxdepth: 2\n',
    1,
    "'.. toctree::' is not a directive docutils knows (PyPI renders with plain docutils, without Sphinx directives)",
  ],
  ['raw directive', '.. raw:: html\n\n   <br>\n', 1, "the 'raw' directive is disabled on PyPI"],
  ['include directive', '.. include:: CHANGES.rst\n', 1, "the 'include' directive is disabled on PyPI"],
  [
    'Sphinx option on code-block',
    '.. code-block:: python\n   :caption: example.py\n\n   pass\n',
    1,
    "'.. code-block::' has no option ':caption:'",
  ],
  [
    'option list without a blank line after it',
    '-v, --verbose  Print more.\nBoth can repeat.\n',
    2,
    'this line ends the option list above it without a blank line in between',
  ],
  [
    'a default role docutils does not know',
    '.. default-role:: py:obj\n\nCall `run`.\n',
    1,
    "'.. default-role:: py:obj' names a role docutils does not know (PyPI renders with plain docutils, without Sphinx roles such as py:obj)",
  ],
  [
    'an image width without a CSS unit',
    '.. image:: https://example.org/logo.png\n   :width: 200 pixels\n',
    1,
    "the option ':width:' of '.. image::' has a value docutils refuses: not a positive number or measure of one of these units: em, ex, ch, rem, vw, vh, vmin, vmax, cm, mm, Q, in, pt, pc, px, %",
  ],
  [
    'an image alignment docutils does not accept',
    '.. image:: https://example.org/logo.png\n   :align: centre\n',
    1,
    'the option \':align:\' of \'.. image::\' has a value docutils refuses: not one of "top", "middle", "bottom", "left", "center", "right"',
  ],
  [
    'a link to a title two sections share',
    'See Usage_.\n\nClient\n======\n\nUsage\n-----\n\nA.\n\nServer\n======\n\nUsage\n-----\n\nB.\n',
    1,
    "the link 'Usage_' refers to 'usage', a title 2 sections share, so docutils cannot tell which one (\"Duplicate target name, cannot be used as a unique reference\")",
  ],
  [
    'a description of nothing but comments',
    '.. TODO: write the description.\n',
    1,
    'the description renders to nothing: it holds only comments, link targets or substitution definitions, so PyPI refuses it ("No content rendered from RST source")',
  ],
  [
    'option given twice',
    '.. image:: logo.png\n   :alt: Logo\n   :alt: Logo\n',
    1,
    "'.. image::' has the option ':alt:' twice",
  ],
  [
    'text among the options',
    '.. image:: logo.png\n   :alt: Logo\n   missing blank line\n',
    1,
    "the line 'missing blank line' among the options of '.. image::' is not an option",
  ],
  [
    'code right under code-block',
    '.. code-block:: python\n   print("hi")\n',
    1,
    "'.. code-block::' is given 2 arguments, at most 1 allowed",
  ],
  ['image without URL', '.. image::\n', 1, "'.. image::' needs an argument after the '::'"],
  [
    'image with a caption',
    '.. image:: logo.png\n\n   The logo.\n',
    1,
    "'.. image::' takes no content, but indented text follows it",
  ],
  ['empty note', '.. note::\n\nText.\n', 1, "'.. note::' has no content"],
  [
    'replace outside a substitution',
    '.. replace:: text\n',
    1,
    "'.. replace::' only works inside a substitution definition",
  ],
  [
    'csv-table reading a file',
    '.. csv-table::\n   :file: data.csv\n',
    1,
    "the ':file:' option of '.. csv-table::' is disabled on PyPI",
  ],
  [
    'Sphinx role',
    'See :ref:`install`.\n',
    1,
    "':ref:' is not a role docutils knows (PyPI renders with plain docutils, without Sphinx roles such as :ref:, :doc: or :class:)",
  ],
  ['raw role', 'A :raw:`<br>` break.\n', 1, "the ':raw:' role is disabled on PyPI"],
  ['unimplemented role', 'An :index:`entry`.\n', 1, "the role ':index:' exists in docutils but is not implemented"],
  ['PEP role without a number', 'Follows :pep:`PEP 8`.\n', 1, "':pep:`PEP 8`' needs a PEP number"],
  ['PEP number out of range', 'See :pep:`10000`.\n', 1, "':pep:`10000`' is not a valid PEP number"],
  ['unclosed emphasis', 'Pass *args to it.\n', 1, "'*' starts emphasis but nothing closes it"],
  ['unclosed strong emphasis', 'Text,\nthen **kwargs to it.\n', 2, "'**' starts strong emphasis but nothing closes it"],
  ['unclosed inline literal', 'Run ``make test` now.\n', 1, "'``' starts an inline literal but nothing closes it"],
  ['unclosed backquote', 'Set `HOME to a path.\n', 1, "'`' starts interpreted text or a link but nothing closes it"],
  ['unclosed inline target', 'An _`anchor without end.\n', 1, "'_`' starts an inline target but nothing closes it"],
  ['unclosed substitution', 'A |bar without end.\n', 1, "'|' starts a substitution reference but nothing closes it"],
  [
    'role that is also a link',
    'Call :code:`run`_.\n',
    1,
    "':code:' is a role, but the text also ends with '_' as a link would",
  ],
  ['two roles', 'A :sub:`x`:sup: here.\n', 1, 'this interpreted text has a role both before and after it'],
  [
    'unknown target',
    'Read the guide_.\n',
    1,
    "the link 'guide_' refers to a target named 'guide', which the description does not define",
  ],
  [
    'unknown phrase target',
    'Read the `user guide`_.\n\n.. _guide: https://example.org/\n',
    1,
    "the link '`user guide`_' refers to a target named 'user guide', which the description does not define",
  ],
  [
    'word with a trailing underscore',
    'Use the class_ argument.\n',
    1,
    "the link 'class_' refers to a target named 'class', which the description does not define",
  ],
  [
    'unknown alias',
    'Read `the guide <guide_>`_.\n',
    1,
    "the link '<guide_>' refers to a target named 'guide', which the description does not define",
  ],
  [
    'unknown footnote',
    'As shown [1]_.\n',
    1,
    "the link '[1]_' refers to a target named '1', which the description does not define",
  ],
  [
    'unknown citation',
    'As shown [Knuth97]_.\n',
    1,
    "the link '[Knuth97]_' refers to a target named 'knuth97', which the description does not define",
  ],
  [
    'indirect target to nothing',
    '.. _docs: documentation_\n\nSee docs_.\n',
    1,
    "the link 'documentation_' refers to a target named 'documentation', which the description does not define",
  ],
  [
    'duplicate target name',
    '.. _docs: https://a.example/\n.. _docs: https://b.example/\n',
    2,
    "the target name 'docs' is defined twice (first on line 1)",
  ],
  [
    'anonymous links without targets',
    'See `this`__ and `that`__.\n\n__ https://a.example/\n',
    1,
    "the description has 2 anonymous link(s) (ending in '__') but 1 anonymous target(s) ('.. __: …')",
  ],
  [
    'auto-numbered footnotes missing',
    'One [#]_ and two [#]_.\n\n.. [#] Only one.\n',
    1,
    "the description has 2 '[#]_' footnote reference(s) but only 1 '.. [#]' footnote(s)",
  ],
  ['undefined substitution', 'Badge: |build|\n', 1, "the substitution '|build|' is used but never defined"],
  [
    'substitution defined twice',
    '.. |x| replace:: a\n.. |x| replace:: b\n\n|x|\n',
    2,
    "the substitution '|x|' is defined twice (first on line 1)",
  ],
  [
    'substitution without a directive',
    '.. |x| plain text\n',
    1,
    "the substitution '|x|' is defined without a directive",
  ],
  ['substitution with a block directive', '.. |x| note:: text\n', 1, "'note::' cannot define a substitution"],
  [
    'substitution without closing bar',
    '.. |x no closing bar\n',
    1,
    "this substitution definition has no closing '|' after its name",
  ],
  [
    'hyperlink target without colon',
    '.. _docs https://example.org/\n',
    1,
    "the hyperlink target '.. _docs https://example.org/' has no ':' after its name",
  ],
  [
    'unexpected indentation',
    'First line\nsecond line\n    indented\n',
    3,
    'this line is indented more than the paragraph above it, without a blank line in between',
  ],
  [
    'block quote without blank line',
    'Text.\n\n    Quoted.\nNot quoted.\n',
    4,
    'this line ends the block quote above it without a blank line in between',
  ],
  [
    'bullet list without blank line',
    '- one\n- two\nText.\n',
    3,
    'this line ends the bullet list above it without a blank line in between',
  ],
  [
    'enumerated list without blank line',
    '1. one\n2. two\n3. three\nText.\n',
    3,
    'this line ends the enumerated list above it without a blank line in between',
  ],
  [
    'lettered list without blank line',
    'a) one\nb) two\nc) three\nText.\n',
    3,
    'this line ends the enumerated list above it without a blank line in between',
  ],
  [
    'definition list without blank line',
    'term\n    definition\nText.\n',
    3,
    'this line ends the definition list above it without a blank line in between',
  ],
  [
    'field list without blank line',
    ':Author: Jane\nText.\n',
    2,
    'this line ends the field list above it without a blank line in between',
  ],
  [
    'line block without blank line',
    '| one\n| two\nText.\n',
    3,
    'this line ends the line block above it without a blank line in between',
  ],
  [
    'directive without blank line',
    '.. note::\n   Note.\nText.\n',
    3,
    'this line ends the explicit markup (directive, comment or target) above it without a blank line in between',
  ],
  [
    'literal block without blank line',
    'Code::\n\n    x = 1\nText.\n',
    4,
    'this line ends the literal block above it without a blank line in between',
  ],
  [
    'literal block not indented',
    'Code::\n\nx = 1\n',
    1,
    "the paragraph ends with '::', which announces a literal block, but no indented block follows",
  ],
  [
    'literal block missing at the end',
    'Some text\nand code::\n',
    2,
    "the paragraph ends with '::', which announces a literal block, but no indented block follows",
  ],
  [
    'quoted literal block broken',
    'Code::\n\n> quoted\ntext\n',
    4,
    "this line ends a quoted literal block (lines starting with '>') without a blank line",
  ],
  [
    'grid table without blank line',
    '+---+---+\n| a | b |\n+---+---+\nText.\n',
    4,
    'this line follows a table without a blank line (or breaks its left border)',
  ],
  [
    'simple table without bottom',
    '===  ===\na    b\n===  ===\nText.\n',
    1,
    'the table starting here has no bottom border of the same width followed by a blank line',
  ],
];

// Each renders with readme_renderer, though some look like the snippets above.
const clean: [what: string, text: string][] = [
  ['plain markup', 'Title\n=====\n\nText with *emphasis*, **strong**, ``literal`` and `title`.\n'],
  [
    'asterisks and underscores that are not markup',
    'a*b, 2 * 3, (*), "*", \'*\', __init__, foo_bar, _private, x__y and \\*escaped\\*.\n',
  ],
  ['markup inside a literal block', 'Code::\n\n    *args, **kwargs, `x`, name_\n\nMore.\n'],
  ['markup inside code-block', '.. code-block:: python\n\n   print(`x`, *args)\n'],
  [
    'markup and directives inside a comment',
    '.. This comment has *unclosed and :ref:`x` and toctree:: in it.\n\nText.\n',
  ],
  ['an empty comment before a quote', '..\n\n    An empty comment, then a quote.\n'],
  [
    'links with their targets',
    'See `docs <https://example.org/>`_, docs_, `the guide`_ and `anon`__.\n\n.. _the guide: https://example.org/guide\n__ https://example.org/anon\n',
  ],
  ['a linked substitution', 'Badge |b|_.\n\n.. |b| image:: https://example.org/b.svg\n.. _b: https://example.org/\n'],
  [
    'footnotes and citations',
    'See [1]_, [#]_, [2]_ and [CIT]_.\n\n.. [1] One.\n.. [#] Auto, numbered 2.\n.. [CIT] Citation.\n',
  ],
  [
    'docutils roles and a custom one',
    '.. role:: py(code)\n\nCall :py:`run()`; :code:`x`, :math:`a_b`, :sub:`2`, :pep:`8`, :rfc:`2616#section-1`.\n',
  ],
  ['titles, levels and a transition', '=====\nTitle\n=====\n\nSub\n---\n\nText.\n\n-----\n\nMore.\n\nOther\n=====\n'],
  ['a transition after a repeated title', 'Usage\n=====\n\nText.\n\nUsage\n=====\n\n-----\n\nText.\n'],
  ['wide characters in titles', '日本語\n======\n\n🚀 Start\n========\n'],
  ['an underline shorter than 4 characters', 'Abc\n--\n\nShort underlines under 4 characters are text.\n'],
  [
    'every kind of list',
    '- a\n\n  - nested\n\n- b\n\n#. x\n#. y\n\ni. roman\nii. two\n\nterm\n    definition\n\n:field: value\n\n| line\n| block\n\n>>> 1\n1\n',
  ],
  ['an item that is not the next enumerator, after a blank line (a paragraph)', 'a) one\nb) two\n\nc) three\nText.\n'],
  ['tables with blank lines inside', '+---+---+\n| a | b |\n+---+---+\n\n===  ===\na    b\n\nc    d\n===  ===\n'],
  [
    'directive options and content',
    '.. note:: Inline content.\n\n.. image:: x.png\n   :target_: https://example.org/\n\n.. figure:: y.png\n\n   Caption.\n',
  ],
  ['a one-line paragraph then indentation (a definition list)', 'Example::\n    code\n'],
  ['an option list, and an option without a description (a paragraph)', '-v  Verbose.\n-q  Quiet.\n\n-x\nis text.\n'],
  ['an internal target alone, which renders an anchor', '.. _top:\n'],
  ['an empty description, which PyPI does not render', ''],
  [
    'image sizes in every form docutils takes',
    '.. image:: x.png\n   :width: 3.5em\n   :height: 120\n   :scale: 50 %\n',
  ],
  ['a byte-order mark, which Python does not count as whitespace', '\ufeff*not emphasis\n\nTitle\n=====\ufeff\n'],
];

describe('checkRst', () => {
  it.each(problems)('%s', (_check, text, line, message) => {
    const found = checkRst(text);
    expect(found.map((p) => [p.line, p.message])).toEqual([[line, message]]);
    expect(found[0].fix).not.toBe('');
  });

  it.each(clean)('finds nothing in %s', (_what, text) => {
    expect(checkRst(text)).toEqual([]);
  });

  it('says what to change', () => {
    expect(checkRst('Installation\n-----\n')[0].fix).toBe('extend the underline to at least 12 characters');
    expect(checkRst('.. highlight:: python\n')[0].fix).toBe(
      "remove it and give the language on each '.. code-block:: <language>'",
    );
    expect(checkRst('Pass *args.\n')[0].fix).toBe(
      "close it with a matching '*' (with no space before it), or escape it as '\\*' if it is meant literally",
    );
  });

  it('counts wide characters twice and combining marks not at all, as docutils does', () => {
    expect(checkRst('日本語\n=====\n').map((p) => p.message)).toEqual([
      "the underline of the title '日本語' is shorter than the title (5 characters for 6)",
    ]);
    expect(checkRst('Cafe\u0301s\n=====\n')).toEqual([]);
  });

  it('reads CRLF line endings and tabs', () => {
    expect(checkRst('Title\r\n====\r\n').map((p) => p.line)).toEqual([2]);
    expect(checkRst('Code::\r\n\r\n\tx = 1\r\n')).toEqual([]);
  });

  it('lists what it does not check', () => {
    expect(RST_CHECKS_NOT_DONE.length).toBeGreaterThanOrEqual(5);
    expect(RST_CHECKS_NOT_DONE.some((entry) => entry.startsWith('tables:'))).toBe(true);
  });
});
