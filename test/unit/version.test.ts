import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { ACTION_VERSION, USER_AGENT } from '../../src/common/version.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('version', () => {
  it("ACTION_VERSION equals package.json's version", () => {
    expect(packageJson.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(ACTION_VERSION).toBe(packageJson.version);
  });

  it('the User-Agent names the action, its version and the Node version', () => {
    expect(USER_AGENT).toBe(`pypi-oidc-publish/${packageJson.version} node/${process.versions.node}`);
  });
});
