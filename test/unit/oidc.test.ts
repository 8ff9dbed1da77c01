import { describe, it, expect } from 'vitest';
import { decodeClaims, oidcEndpoint } from '../../src/index/oidc.js';
import { warehouseSite } from '../../src/common/index-urls.js';
import { publisherFormValues } from '../../src/index/publisher-mismatch.js';

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** An unsigned JWT-shaped string; decodeClaims never verifies, so the signature is filler. */
function jwt(payload: string): string {
  return `${base64url('{"alg":"RS256","typ":"JWT","kid":"test"}')}.${base64url(payload)}.c2lnbmF0dXJl`;
}

const CLAIMS = {
  jti: 'd9f1c2a0-0000-4000-8000-000000000000',
  sub: 'repo:octo-org/widgets:environment:pypi',
  aud: 'pypi',
  iss: 'https://token.actions.githubusercontent.com',
  repository: 'octo-org/widgets',
  repository_owner: 'octo-org',
  repository_owner_id: '1234567',
  workflow_ref: 'octo-org/widgets/.github/workflows/release.yml@refs/tags/v1.0',
  job_workflow_ref: 'octo-org/widgets/.github/workflows/release.yml@refs/tags/v1.0',
  ref: 'refs/tags/v1.0',
  environment: 'pypi',
  event_name: 'release',
  iat: 1725192000,
  exp: 1725192300,
  note: 'ünïcode ✓',
};

describe('decodeClaims', () => {
  it('decodes the payload of a JWT', () => {
    expect(decodeClaims(jwt(JSON.stringify(CLAIMS)))).toEqual(CLAIMS);
  });

  it('decodes a payload whose base64url uses - and _', () => {
    // '?>' and '~~' encode to base64 with '+' and '/', which base64url writes as '-' and '_'.
    const payload = JSON.stringify({ sub: '?>?>~~~' });
    expect(base64url(payload)).toMatch(/[-_]/);
    expect(decodeClaims(jwt(payload))).toEqual({ sub: '?>?>~~~' });
  });

  const garbage: [description: string, token: string][] = [
    ['empty string', ''],
    ['no dots', 'not-a-jwt'],
    ['empty payload', 'header..signature'],
    ['payload not JSON', `${base64url('{}')}.${base64url('not json')}.sig`],
    ['payload not base64', 'a.!!!***.c'],
    ['payload a JSON string', jwt('"just a string"')],
    ['payload JSON null', jwt('null')],
    ['payload a number', jwt('42')],
  ];
  it.each(garbage)('returns no claims for garbage: %s', (_description, token) => {
    expect(decodeClaims(token)).toEqual({});
  });
});

describe('publisherFormValues', () => {
  it('gives the values of a plain workflow', () => {
    expect(publisherFormValues(CLAIMS)).toEqual({
      owner: 'octo-org',
      repository: 'widgets',
      workflow: 'release.yml',
      environment: 'pypi',
    });
  });

  it('names the file in job_workflow_ref, which Warehouse matches, when a reusable workflow makes them differ', () => {
    const claims = {
      ...CLAIMS,
      workflow_ref: 'octo-org/widgets/.github/workflows/ci.yaml@refs/heads/main',
      job_workflow_ref: 'octo-org/widgets/.github/workflows/publish.yml@refs/heads/main',
    };
    expect(publisherFormValues(claims)).toEqual({
      owner: 'octo-org',
      repository: 'widgets',
      workflow: 'publish.yml',
      environment: 'pypi',
    });
  });

  it('falls back to workflow_ref when job_workflow_ref is absent', () => {
    const { job_workflow_ref: _unused, ...claims } = CLAIMS;
    expect(
      publisherFormValues({ ...claims, workflow_ref: 'octo-org/widgets/.github/workflows/pub.yml@refs/heads/main' })
        .workflow,
    ).toBe('pub.yml');
  });

  it('leaves the environment empty when the job has none', () => {
    const { environment: _unused, ...claims } = CLAIMS;
    expect(publisherFormValues(claims).environment).toBe('');
  });

  it('takes the owner from the repository when repository_owner is missing', () => {
    const { repository_owner: _unused, ...claims } = CLAIMS;
    expect(publisherFormValues(claims).owner).toBe('octo-org');
  });

  it('gives empty values for no claims, and ignores claims of the wrong type', () => {
    expect(publisherFormValues({})).toEqual({ owner: '', repository: '', workflow: '', environment: '' });
    expect(publisherFormValues({ repository: 42, environment: ['pypi'], workflow_ref: null })).toEqual({
      owner: '',
      repository: '',
      workflow: '',
      environment: '',
    });
  });
});

describe('warehouseSite', () => {
  const cases: [indexUrl: string, site: string | undefined][] = [
    ['https://upload.pypi.org/legacy/', 'https://pypi.org'],
    ['https://pypi.org/legacy/', 'https://pypi.org'],
    ['https://UPLOAD.PYPI.ORG:443/legacy/', 'https://pypi.org'],
    ['https://test.pypi.org/legacy/', 'https://test.pypi.org'],
    ['https://upload.test.pypi.org/legacy/', 'https://test.pypi.org'],
    ['http://127.0.0.1:8080/legacy/', undefined],
    ['https://pypi.example.com/legacy/', undefined],
    ['https://upload.pypi.org.evil.example/legacy/', undefined],
    ['https://upload.pypi.org:8443/legacy/', undefined],
  ];
  it.each(cases)('%s → %s', (indexUrl, site) => {
    expect(warehouseSite(new URL(indexUrl))).toBe(site);
  });
});

describe('oidcEndpoint', () => {
  it.each([
    ['https://upload.pypi.org/legacy/', 'audience', 'https://upload.pypi.org/_/oidc/audience'],
    ['https://test.pypi.org/legacy/', 'mint-token', 'https://test.pypi.org/_/oidc/mint-token'],
    ['http://127.0.0.1:8080/some/path/legacy/?x=1', 'mint-token', 'http://127.0.0.1:8080/_/oidc/mint-token'],
  ] as const)('%s, %s → %s', (indexUrl, path, endpoint) => {
    expect(oidcEndpoint(new URL(indexUrl), path).href).toBe(endpoint);
  });
});
