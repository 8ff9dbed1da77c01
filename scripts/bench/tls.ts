// A throwaway certificate authority and a server certificate for 127.0.0.1, made with the openssl
// command line (Node cannot issue X.509 certificates). Clients trust it through NODE_EXTRA_CA_CERTS
// (Node), SSL_CERT_FILE (uv) and REQUESTS_CA_BUNDLE (twine) or --cacert (curl).
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Certificates {
  caFile: string;
  ca: Buffer;
  key: Buffer;
  cert: Buffer;
}

/** `hostnames`: more names the server certificate is valid for (a test stands in for upload.pypi.org). */
export async function makeCertificates(dir: string, hostnames: string[] = []): Promise<Certificates> {
  const path = (name: string): string => join(dir, name);
  const openssl = (...args: string[]): Promise<unknown> => run('openssl', args, { cwd: dir });
  await openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    path('ca.key'),
    '-out',
    path('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=pypi-oidc-publish bench CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  await openssl(
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    path('server.key'),
    '-out',
    path('server.csr'),
    '-subj',
    '/CN=127.0.0.1',
  );
  await writeFile(
    path('server.ext'),
    `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${['IP:127.0.0.1', 'DNS:localhost', ...hostnames.map((name) => `DNS:${name}`)].join(',')}\n`,
  );
  await openssl(
    'x509',
    '-req',
    '-in',
    path('server.csr'),
    '-CA',
    path('ca.pem'),
    '-CAkey',
    path('ca.key'),
    '-CAcreateserial',
    '-out',
    path('server.pem'),
    '-days',
    '2',
    '-extfile',
    path('server.ext'),
  );
  return {
    caFile: path('ca.pem'),
    ca: await readFile(path('ca.pem')),
    key: await readFile(path('server.key')),
    cert: await readFile(path('server.pem')),
  };
}
