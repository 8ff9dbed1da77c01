// The log channel: the runner emulator (test/support/runner-emulator.ts) against the runner's rules,
// and the action's guards (src/common/log-text.ts, src/step-log.ts) against the emulator, with
// @actions/core printing for real.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as core from '@actions/core';
import { annotationSafe, commandSafe, outside } from '../../src/common/log-text.js';
import { stepLogFor } from '../../src/step-log.js';

const stepLog = stepLogFor(core);
import { DOTNET_WHITE_SPACE, replay, RunnerEmulator } from '../support/runner-emulator.ts';
import { seededRandom as random } from '../support/seeded.ts';

const SECRET = 'pypi-SECRET-TOKEN-0123';

describe('the runner emulator', () => {
  it('executes add-mask and masks the value in every later line, not in earlier ones', () => {
    const report = replay(`early ${SECRET}\n::add-mask::${SECRET}\nlate ${SECRET}\n`);
    expect(report.masks).toEqual([SECRET]);
    expect(report.shown).toEqual([`early ${SECRET}`, 'late ***']);
    expect(report.leaks).toEqual([{ secret: SECRET, lineNumber: 1, shown: `early ${SECRET}` }]);
    expect(report.outside).toEqual([]);
  });

  it('trims every .NET white-space character before ::, and no other', () => {
    for (const space of DOTNET_WHITE_SPACE) {
      if (space === '\n' || space === '\r') continue; // those end the line
      const report = replay(`${space}::stop-commands::t`);
      expect(
        report.outside.map((c) => c.name),
        JSON.stringify(space),
      ).toEqual(['stop-commands']);
    }
    for (const other of ['\u200b', '\ufeff', '\u180e', 'x', '\\'])
      expect(replay(`${other}::stop-commands::t`).executed, JSON.stringify(other)).toEqual([]);
  });

  it('finds ##[ anywhere in a line, and tries it only when the line is no :: command', () => {
    expect(replay('maintenance ##[stop-commands]pwned').outside.map((c) => [c.name, c.data])).toEqual([
      ['stop-commands', 'pwned'],
    ]);
    const annotation = replay('::warning::busy ##[stop-commands]pwned');
    expect(annotation.executed.map((c) => [c.name, c.syntax])).toEqual([['warning', '::']]);
    expect(annotation.outside).toEqual([]);
    // An unregistered name is no command, in either syntax.
    expect(replay('::nonsense::x\n##[nonsense]y').executed).toEqual([]);
  });

  it('splits lines at CR, LF and CRLF, also across chunks, but not at U+2028 or U+0085', () => {
    const emulator = new RunnerEmulator();
    emulator.feed('a\r');
    emulator.feed('\n::stop-commands::t\rb\u2028::add-mask::x\u0085c');
    const report = emulator.end();
    expect(report.executed.map((c) => c.name)).toEqual(['stop-commands']);
    expect(report.shown[0]).toBe('a');
  });

  it('ignores every command after stop-commands, add-mask included, until the resume token', () => {
    const report = replay(
      ['x ##[stop-commands]tok', `::add-mask::${SECRET}`, `upload with ${SECRET}`, '::TOK::', '::add-mask::later'].join(
        '\n',
      ),
    );
    expect(report.ignoredMasks).toEqual([SECRET]);
    expect(report.masks).toEqual(['later']);
    expect(report.leaks.map((l) => l.lineNumber)).toEqual([2, 3]);
    expect(report.outside.map((c) => c.name)).toEqual(['stop-commands', 'TOK']);
  });

  it('never resumes after a stop-commands without a token', () => {
    const report = replay(`##[stop-commands]\n::add-mask::${SECRET}\n::stop-commands::\n::add-mask::${SECRET}`);
    expect(report.masks).toEqual([]);
    expect(report.ignoredMasks).toEqual([SECRET, SECRET]);
  });

  it('names what cannot come from @actions/core: leading space, the legacy syntax, other commands, a planted add-mask', () => {
    const report = replay(['::warning title=t::fine', '  ::debug::x', '::group::g', '::add-mask::MARK-1'], {
      marker: 'MARK',
    });
    expect(report.outside.map((c) => c.line)).toEqual(['  ::debug::x', '::group::g', '::add-mask::MARK-1']);
  });

  it('reports the leak of issue 13 in the output of the bundle before the fix', () => {
    // The shape of dist/index.js's stdout at 1bd9d82 when mint-token first answered 503 with this message.
    const before = [
      '::add-mask::runner-request-token',
      "Exchanging this job's OIDC token for an upload token at http://127.0.0.1:1 (trusted publishing).",
      '::add-mask::eyJ.first-id-token.sig',
      'Exchanging the OIDC token for an upload token: attempt 1 of 2 failed (503 Service Unavailable: maintenance ##[stop-commands]pwned); retrying in 2.0 s.',
      '::add-mask::eyJ.second-id-token.sig',
      `::add-mask::${SECRET}`,
      'Got an upload token.',
    ];
    const report = replay(before.join('\n'));
    expect(report.outside.map((c) => c.name)).toEqual(['stop-commands']);
    expect(report.leaks.map((l) => l.secret)).toEqual(['eyJ.second-id-token.sig', SECRET]);
    // The same lines with the retry line through the guard: nothing executed from outside, nothing shown.
    const after = replay(before.map((line) => (line.startsWith('::') ? line : commandSafe(line))).join('\n'));
    expect(after.outside).toEqual([]);
    expect(after.leaks).toEqual([]);
  });
});

/** What @actions/core really prints for a call, captured from process.stdout. */
function printed(call: () => void): string {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  try {
    call();
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}

/** Pieces that build workflow commands, and text around them. */
const PIECES = [
  '::',
  ':',
  '##[',
  '#',
  '[',
  ']',
  'stop-commands',
  'add-mask',
  'warning',
  'tok',
  '##[stop-commands]',
  '##[add-mask]',
  '::stop-commands::',
  '::add-mask::',
  '::tok::',
  ' ',
  '\n',
  '\r',
  '\r\n',
  '%0A',
  '\u2028',
  'x',
  ...DOTNET_WHITE_SPACE,
  '\u200b',
  '\ufeff',
];

function hostileText(next: () => number): string {
  let text = '';
  for (let i = 0, n = 1 + Math.floor(next() * 24); i < n; i++) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

describe("the action's log guards, replayed as the runner reads them", () => {
  afterEach(() => {
    delete process.env.GITHUB_OUTPUT;
  });

  it.each([
    ['a 503 message with the legacy syntax', 'maintenance ##[stop-commands]pwned'],
    ['a Summary with the legacy syntax', '##[stop-commands]x'],
    ['::  after a vertical tab', '\v::stop-commands::x'],
    ['::  after a form feed', '\f::stop-commands::x'],
    ['::  after NEXT LINE', '\u0085::stop-commands::x'],
    ['::  after a no-break space', '\u00a0::stop-commands::x'],
    ['::  after an ideographic space, on its own line', 'ok\n\u3000::stop-commands::x'],
    ['::  after a CR', 'ok\r::add-mask::MARK'],
  ])('%s: no command executed, through info, warning, error, notice and debug', (_name, text) => {
    const output = printed(() => {
      core.setSecret(SECRET);
      stepLog.info(text);
      stepLog.info(`Uploading ${outside(text)}`);
      stepLog.warning(text, text);
      stepLog.error(`refused: ${text}`);
      stepLog.notice(text);
      stepLog.debug(text);
      core.setSecret('later-secret-value');
      stepLog.info(`${SECRET} later-secret-value`);
    });
    const report = replay(output, { marker: 'MARK' });
    expect(report.outside).toEqual([]);
    expect(report.masks).toEqual([SECRET, 'later-secret-value']);
    expect(report.leaks).toEqual([]);
  });

  it('survives a fixed-seed fuzz of command pieces in every position', () => {
    const next = random(20261313);
    for (let n = 0; n < 2000; n++) {
      const text = hostileText(next);
      const output = printed(() => {
        stepLog.info(text);
        stepLog.info(`${outside(text)} and more`);
        stepLog.info(outside(text));
        stepLog.warning(text);
        stepLog.debug(text);
        core.setSecret(SECRET);
        stepLog.info(`then ${SECRET}`);
      });
      const report = replay(output);
      expect({ text, outside: report.outside, leaks: report.leaks }).toEqual({ text, outside: [], leaks: [] });
    }
  });

  it('keeps outside text on one line and leaves plain text alone', () => {
    expect(outside('busy\n::add-mask::x')).toBe('busy\\n::add-mask::x');
    expect(outside('a\r\n::stop-commands::t')).toBe('a\\r\\n::stop-commands::t');
    expect(outside('\u000b::error::x')).toBe('\u000b\\::error::x');
    expect(outside('see ##[group]x')).toBe('see ##\\[group]x');
    expect(outside('line\u2028sep')).toBe('line sep');
    expect(outside('Classifier :: Foo')).toBe('Classifier :: Foo');
    expect(commandSafe('ok\n::add-mask::x\n\u00a0::group::y\nfine :: here ##[x]')).toBe(
      'ok\n\\::add-mask::x\n\u00a0\\::group::y\nfine :: here ##\\[x]',
    );
    expect(annotationSafe('a ##[b')).toBe('a ##\\[b');
  });

  it('guards in time linear in the text: a megabyte of line breaks or spaces', () => {
    for (const text of [
      '\n'.repeat(1 << 20),
      ' '.repeat(1 << 20),
      '\v'.repeat(1 << 20) + '::x',
      '##['.repeat(1 << 18),
    ]) {
      const started = performance.now();
      commandSafe(text);
      outside(text);
      // A quadratic scan of a megabyte takes minutes; a linear one milliseconds.
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });
});
