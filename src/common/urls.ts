import { isIP } from 'node:net';

/**
 * This machine, literally: `localhost`, 127.0.0.0/8 and ::1. Not `*.localhost` (a resolver or
 * proxy may send those elsewhere), nor IPv4-mapped forms.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  // WHATWG URLs write every spelling of the IPv6 loopback as ::1.
  return host === '::1' || host === '0:0:0:0:0:0:0:1';
}

/** Credentials go over HTTPS only, except to this machine. */
export function credentialsAllowed(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

/** A URL as text with any user:password removed, for messages about input the user gave. */
export function withoutUserinfo(raw: string): string {
  return raw.replace(/^([a-z][a-z0-9+.-]*:\/*)[^/?#]*@/i, '$1***@');
}
