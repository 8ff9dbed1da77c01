// The project's local index as a standalone server, for the CI workflow's end-to-end job (`uses: ./`):
// prints one line of JSON (upload URL, the GitHub-like OIDC token endpoint with its request token,
// and its process id) and serves until it is stopped (SIGTERM).
import { startLocalIndex } from '../test/support/local-index.ts';

const index = await startLocalIndex({
  publisher: {
    repository: 'octo-org/sampleproject',
    repositoryOwnerId: '1234567',
    workflow: 'release.yml',
    projects: ['sampleproject'],
  },
});
process.stdout.write(
  `${JSON.stringify({ uploadUrl: index.uploadUrl, checkUrl: `${index.origin}/simple/`, ...index.github, pid: process.pid })}\n`,
);
const stop = (): void => {
  void index.close().then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
