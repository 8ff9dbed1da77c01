/** Kept equal to package.json's version by a test; sent in the User-Agent. */
export const ACTION_VERSION = '0.1.0';
export const USER_AGENT = `pypi-oidc-publish/${ACTION_VERSION} node/${process.versions.node}`;
