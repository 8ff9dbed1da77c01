import { describe, expect, it } from 'vitest';
import {
  eventRefusal,
  explainMintError,
  passwordModeAdvice,
  pinningWarning,
  reusableWorkflowWarning,
} from '../../src/index/diagnostics.js';
import { PublishError } from '../../src/common/errors.js';

describe('pinningWarning', () => {
  it.each([
    ['v1', true],
    ['main', true],
    ['release/v2', true],
    ['0123456789abcdef0123456789abcdef01234567', false],
    ['', false],
    [undefined, false],
  ])('GITHUB_ACTION_REF %j warns: %s', (ref, warns) => {
    const warning = pinningWarning({
      eventName: 'push',
      actionRef: ref,
      actionRepository: 'octo-org/pypi-oidc-publish',
    });
    expect(warning !== undefined).toBe(warns);
    if (warning) expect(warning).toContain(`uses: octo-org/pypi-oidc-publish@<40-character commit SHA> # ${ref}`);
  });
});

describe('eventRefusal', () => {
  it('refuses pull_request_target with trusted publishing', () => {
    const error = eventRefusal(
      { eventName: 'pull_request_target', actionRef: undefined, actionRepository: undefined },
      true,
    );
    expect(error).toBeInstanceOf(PublishError);
    expect(error!.message).toContain("'pull_request_target', and PyPI refuses trusted-publishing tokens from it");
  });
  it.each([
    ['push', true],
    ['release', true],
    ['pull_request_target', false],
  ])('lets %s through (trusted publishing: %s)', (event, trusted) => {
    expect(
      eventRefusal({ eventName: event, actionRef: undefined, actionRepository: undefined }, trusted),
    ).toBeUndefined();
  });
});

describe('passwordModeAdvice', () => {
  const pypi = new URL('https://upload.pypi.org/legacy/');
  it('suggests trusted publishing on PyPI', () => {
    const advice = passwordModeAdvice(pypi, '__token__', 'pypi-AgEIcHlwaS5vcmc');
    expect(advice.notices).toHaveLength(1);
    expect(advice.notices[0]).toContain('Trusted publishing needs no long-lived secret');
    expect(advice.warnings).toEqual([]);
  });
  it('warns about a password that is not a PyPI token', () => {
    const advice = passwordModeAdvice(new URL('https://test.pypi.org/legacy/'), '__token__', 'hunter2');
    expect(advice.warnings[0]).toContain("does not look like a PyPI API token (those start with 'pypi-')");
  });
  it('refuses a plain user name on PyPI and TestPyPI', () => {
    for (const url of ['https://upload.pypi.org/legacy/', 'https://test.pypi.org/legacy/']) {
      expect(() => passwordModeAdvice(new URL(url), 'alice', 'secret')).toThrow(
        /no longer accepts a user name and password for uploads \('user' is 'alice'\)/,
      );
    }
  });
  it('says nothing for another index with a user name', () => {
    expect(passwordModeAdvice(new URL('https://pypi.internal.example/'), 'alice', 'secret')).toEqual({
      notices: [],
      warnings: [],
    });
  });
});

describe('explainMintError', () => {
  it.each([
    ['invalid-publisher', 'no trusted publisher registered on the index matches'],
    ['invalid-pending-publisher', 'a pending publisher matched, but it cannot create the project'],
    ['invalid-token', "could not verify GitHub's token"],
    ['invalid-payload', 'could not read the request'],
    ['not-enabled', 'trusted publishing is turned off'],
    ['invalid-reuse-token', 'already exchanged once'],
  ])('explains %s', (code, phrase) => {
    expect(explainMintError(code)).toContain(phrase);
  });
  it('has nothing for an unknown code', () => {
    expect(explainMintError('something-new')).toBeUndefined();
  });
});

describe('reusableWorkflowWarning', () => {
  const base = { repository: 'octo-org/app', workflow_ref: 'octo-org/app/.github/workflows/release.yml@refs/tags/v1' };
  it('is silent when the job runs in the caller workflow', () => {
    expect(
      reusableWorkflowWarning({ ...base, job_workflow_ref: 'octo-org/app/.github/workflows/release.yml@refs/tags/v1' }),
    ).toBeUndefined();
  });
  it('names the reusable workflow file to register when it lives in the same repository', () => {
    const warning = reusableWorkflowWarning({
      ...base,
      job_workflow_ref: 'octo-org/app/.github/workflows/publish.yml@refs/tags/v1',
    });
    expect(warning).toContain("register 'publish.yml' as the workflow name.");
  });
  it('says PyPI cannot match a reusable workflow from another repository', () => {
    const warning = reusableWorkflowWarning({
      ...base,
      job_workflow_ref: 'octo-org/shared/.github/workflows/publish.yml@v2',
    });
    expect(warning).toContain('PyPI cannot match it at all: move the publishing job into octo-org/app.');
  });
});
