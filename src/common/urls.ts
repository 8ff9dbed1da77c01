import { isIP } from 'node:net';

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  // WHATWG URLs write ::ffff:127.0.0.1 as ::ffff:7f00:1.
  if (isIP(host) === 6)
    return (
      host === '::1' ||
      host === '0:0:0:0:0:0:0:1' ||
      host.startsWith('::ffff:127.') ||
      /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host)
    );
  return false;
}

/** Credentials go over HTTPS only, except to this machine. */
export function credentialsAllowed(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}
