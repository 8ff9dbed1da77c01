// The URL syntax PyPI checks in core metadata (rfc3986, http/https only); e-mail addresses are in
// email-address.ts and Description-Content-Type in content-type.ts.

export interface UrlCheck {
  /** Why PyPI refuses it. */
  error?: string;
  /** Accepted by PyPI but not a usable link. */
  warning?: string;
}

// RFC 3986, appendix B.
const URL_PARTS = /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?:\/\/([^\\/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;

/** PyPI's URL rule (rfc3986 with http/https required; the host may be absent, so that is only warned about). */
export function checkUrl(url: string): UrlCheck {
  const [, scheme, authority, path = '', query = ''] = URL_PARTS.exec(url) ?? [];
  if (!scheme) return { error: 'it has no scheme; PyPI accepts only absolute http:// or https:// URLs' };
  if (!['http', 'https'].includes(scheme.toLowerCase()))
    return { error: `its scheme is '${scheme}'; PyPI accepts only http and https` };
  // rfc3986 percent-encodes most stray characters before validating, but not brackets.
  if (/[[\]]/.test(path) || /[[\]]/.test(query))
    return { error: "'[' and ']' are only allowed in the host part; percent-encode them (%5B, %5D)" };
  const port = /:(\d+)$/.exec(authority ?? '')?.[1];
  if (port && Number(port) > 65535) return { error: `its port ${port} is above 65535` };
  if (!authority || /^(?:[^@]*@)?(?::\d*)?$/.test(authority)) return { warning: 'it has no host, so it links nowhere' };
  return {};
}
