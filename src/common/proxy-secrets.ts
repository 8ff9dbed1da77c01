/** Every spelling of a proxy variable that undici's EnvHttpProxyAgent and other agents read. */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];

/** One or two characters masked would star out every occurrence in the log and protect nothing. */
const MIN_PART_LENGTH = 3;

/**
 * The credentials in the proxy variables, in every form a debug line may show them: the user and
 * the password as written (percent-encoded) and decoded, `user:password` both ways, and the
 * Proxy-Authorization value's base64. Registered as secrets before the first request, so that
 * DEBUG=* or NODE_DEBUG output of an HTTP agent cannot print them in clear.
 */
export function proxySecrets(env: Record<string, string | undefined>): string[] {
  const secrets = new Set<string>();
  for (const name of PROXY_VARIABLES) {
    const value = env[name]?.trim();
    if (!value) continue;
    // Agents take `user:password@host:port` without a scheme as http://.
    const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
    // As written, before URL parsing normalizes it: what lies between '//' and the last '@'.
    const written = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(text)?.[1];
    if (!written) continue;
    const colon = written.indexOf(':');
    const user = colon < 0 ? written : written.slice(0, colon);
    const password = colon < 0 ? '' : written.slice(colon + 1);
    const decodedUser = decode(user);
    const decodedPassword = decode(password);
    for (const part of [user, password, decodedUser, decodedPassword])
      if (part.length >= MIN_PART_LENGTH) secrets.add(part);
    for (const pair of [written, `${decodedUser}:${decodedPassword}`]) {
      if (colon >= 0) secrets.add(pair);
      secrets.add(Buffer.from(pair, 'utf8').toString('base64'));
    }
    try {
      // The WHATWG parser percent-encodes a few more characters than a user may have.
      const url = new URL(text);
      for (const part of [url.username, url.password]) if (part.length >= MIN_PART_LENGTH) secrets.add(part);
      if (url.password) secrets.add(`${url.username}:${url.password}`);
    } catch {
      // Not a URL: the agents will not use it either; what was found above is masked anyway.
    }
  }
  return [...secrets];
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
