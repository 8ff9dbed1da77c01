import { describe, expect, it } from 'vitest';
import { decideDryRun } from '../../src/dry-run/act.js';
import { jsonApiFor, parseReleaseJson } from '../../src/dry-run/index-state.js';
import { releaseKey } from '../../src/dists/pep440.js';
import { planFiles, type Listing, type PlanFileInput, type ReleaseInfo } from '../../src/dry-run/plan.js';
import { dryRunSucceeds, planMarkdown, verdict } from '../../src/dry-run/plan-report.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const OURS = 'a'.repeat(64);
const THEIRS = 'b'.repeat(64);

function file(
  filename: string,
  kind: 'wheel' | 'sdist' = filename.endsWith('.whl') ? 'wheel' : 'sdist',
): PlanFileInput {
  return { filename, kind, size: 100, sha256: OURS, project: 'Demo_Pkg', version: '1.0' };
}

function plan(files: PlanFileInput[], listing: Listing, release: ReleaseInfo) {
  return planFiles({
    files,
    listings: new Map([['demo-pkg', listing]]),
    releases: new Map([[releaseKey('demo-pkg', '1.0'), release]]),
    now: NOW,
  });
}

const known = (entries: [string, string | undefined][]): Listing => ({ kind: 'known', files: new Map(entries) });

describe('planFiles', () => {
  const wheel = file('demo_pkg-1.0-py3-none-any.whl');
  const sdist = file('demo_pkg-1.0.tar.gz');

  it('plans a new file as an upload', () => {
    expect(plan([wheel], known([]), { kind: 'absent' })[0]).toMatchObject({ action: 'upload', reason: 'new file' });
  });

  it('skips a file the index has with the same sha256', () => {
    expect(plan([wheel], known([[wheel.filename, OURS]]), { kind: 'absent' })[0].action).toBe('skip');
  });

  it('fails a file the index has with other content, naming its sha256', () => {
    const [planned] = plan([wheel], known([[wheel.filename, THEIRS]]), { kind: 'absent' });
    expect(planned.action).toBe('fail');
    expect(planned.reason).toContain(THEIRS);
  });

  it('uploads, with a caution, a file listed without a sha256', () => {
    expect(plan([wheel], known([[wheel.filename, undefined]]), { kind: 'absent' })[0].reason).toContain(
      'could not be compared',
    );
  });

  it('fails a second sdist for a release, seen in the listing or in the JSON API', () => {
    const other = 'demo-pkg-1.0.tar.gz';
    expect(plan([sdist], known([[other, THEIRS]]), { kind: 'absent' })[0].action).toBe('fail');
    expect(plan([sdist], known([]), { kind: 'known', createdAt: NOW, sdists: [other] })[0].action).toBe('fail');
    // An sdist of another version is no obstacle; 1.0.0 is the release 1.0 (PEP 440).
    expect(plan([sdist], known([['demo-pkg-2.0.tar.gz', THEIRS]]), { kind: 'absent' })[0].action).toBe('upload');
    expect(plan([sdist], known([['demo-pkg-1.0.0.tar.gz', THEIRS]]), { kind: 'absent' })[0].action).toBe('fail');
    expect(plan([sdist], known([['demo-pkg-1.0.1.tar.gz', THEIRS]]), { kind: 'absent' })[0].action).toBe('upload');
  });

  it('fails new files for a release older than 14 days, but not for one 13 days old', () => {
    const old: ReleaseInfo = { kind: 'known', createdAt: new Date(NOW.getTime() - 15 * DAY), sdists: [] };
    const recent: ReleaseInfo = { kind: 'known', createdAt: new Date(NOW.getTime() - 13 * DAY), sdists: [] };
    expect(plan([wheel], known([]), old)[0].reason).toMatch(
      /released on 2026-11-16 \(15 days ago\).*older than 14 days/,
    );
    expect(plan([wheel], known([]), recent)[0].action).toBe('upload');
    // An identical file of an old release is still just skipped.
    expect(plan([wheel], known([[wheel.filename, OURS]]), old)[0].action).toBe('skip');
  });

  it('says what it could not check', () => {
    const [planned] = plan(
      [wheel],
      { kind: 'unknown', reason: 'no simple API' },
      { kind: 'unknown', reason: 'no JSON API' },
    );
    expect(planned).toMatchObject({
      action: 'upload',
      reason: 'not compared with the index: no simple API; release age not checked: no JSON API',
    });
  });
});

describe('the verdict', () => {
  const files = plan([file('demo_pkg-1.0-py3-none-any.whl')], known([]), { kind: 'absent' });
  it('succeeds unless a file or authentication fails', () => {
    expect(dryRunSucceeds({ files, auth: { kind: 'ok', detail: '' } })).toBe(true);
    expect(dryRunSucceeds({ files, auth: { kind: 'failed', detail: '' } })).toBe(false);
    expect(verdict({ files, auth: { kind: 'not-tried', detail: '' } })).toBe(
      'The real run would succeed (1 to upload, 0 to skip, 0 to fail), if authentication works (not tried).',
    );
  });

  it('says what is unknown when the index could not be reached, instead of promising success', () => {
    const text = verdict({ files, auth: { kind: 'not-tried', detail: '' }, unreached: 'connect ECONNREFUSED' });
    expect(text).toBe(
      'The index could not be reached, so this plan (1 to upload, 0 to skip, 0 to fail) is only what the files themselves allow: ' +
        'whether the index already has any of them, with the same or other content, and whether their releases still take new files, is unknown, ' +
        'and authentication was not tried. Run the dry run again where the index can be reached.',
    );
    expect(verdict({ files, auth: { kind: 'failed', detail: '' }, unreached: 'x' })).toMatch(
      /^The real run would FAIL/,
    );
  });

  it('escapes table cells in the summary', () => {
    const markdown = planMarkdown({
      indexUrl: new URL('https://upload.pypi.org/legacy/'),
      files: [{ ...files[0], reason: 'a | b' }],
      auth: { kind: 'ok', detail: 'fine' },
      attestations: { summary: 'none' },
    });
    expect(markdown).toContain('a \\| b');
  });
});

describe('decideDryRun', () => {
  const signals = { requested: false, underAct: false, hasPassword: false, hasOidc: false };
  it('follows the input outside act', () => {
    expect(decideDryRun(signals)).toEqual({ dryRun: false });
    expect(decideDryRun({ ...signals, requested: true })).toEqual({ dryRun: true });
  });
  it('makes a run under act without OIDC or password a dry run, with a notice', () => {
    const decision = decideDryRun({ ...signals, underAct: true });
    expect(decision.dryRun).toBe(true);
    expect(decision.notice).toMatch(/^Running under act/);
    expect(decideDryRun({ ...signals, underAct: true, hasPassword: true })).toEqual({ dryRun: false });
    expect(decideDryRun({ ...signals, underAct: true, hasOidc: true })).toEqual({ dryRun: false });
  });
});

describe('the JSON API', () => {
  it('sits next to the simple API', () => {
    expect(jsonApiFor(new URL('https://pypi.org/simple/'))?.href).toBe('https://pypi.org/pypi/');
    expect(jsonApiFor(new URL('http://127.0.0.1:8080/root/simple'))?.href).toBe('http://127.0.0.1:8080/root/pypi/');
    expect(jsonApiFor(new URL('https://devpi.example/root/pypi/+simple/'))).toBeUndefined();
  });

  it('gives the release its first upload time and its sdists', () => {
    const body = JSON.stringify({
      urls: [
        {
          filename: 'x-1.0-py3-none-any.whl',
          packagetype: 'bdist_wheel',
          upload_time_iso_8601: '2026-05-02T10:00:00.000000Z',
        },
        { filename: 'x-1.0.tar.gz', packagetype: 'sdist', upload_time_iso_8601: '2026-05-01T09:00:00.123456Z' },
        { filename: 42, packagetype: 'sdist', upload_time_iso_8601: 'not a date' },
        null,
      ],
    });
    expect(parseReleaseJson(body)).toEqual({
      kind: 'known',
      createdAt: new Date('2026-05-01T09:00:00.123Z'),
      sdists: ['x-1.0.tar.gz'],
    });
    expect(parseReleaseJson('<html>')).toBeUndefined();
    expect(parseReleaseJson('{"urls": "no"}')).toBeUndefined();
  });
});
