// The action's post step (action.yml runs.post); written by scripts/build.ts.
globalThis[Symbol.for('pypi-oidc-publish.post-step')] = true;
await import('./index.js');
