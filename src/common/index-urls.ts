/** The web site of PyPI or TestPyPI for an upload URL, or undefined for other indexes. */
export function warehouseSite(indexUrl: URL): string | undefined {
  if (indexUrl.host === 'upload.pypi.org' || indexUrl.host === 'pypi.org') return 'https://pypi.org';
  if (indexUrl.host === 'test.pypi.org' || indexUrl.host === 'upload.test.pypi.org') return 'https://test.pypi.org';
  return undefined;
}

/** The simple API (PEP 503/691) of PyPI or TestPyPI for their upload URL; undefined for other indexes. */
export function knownSimpleIndex(uploadUrl: URL): URL | undefined {
  if (uploadUrl.host === 'upload.pypi.org') return new URL('https://pypi.org/simple/');
  if (uploadUrl.host === 'test.pypi.org') return new URL('https://test.pypi.org/simple/');
  return undefined;
}
