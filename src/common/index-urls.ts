/** The web site of PyPI or TestPyPI for an upload URL, or undefined for other indexes. */
export function warehouseSite(indexUrl: URL): string | undefined {
  if (indexUrl.host === 'upload.pypi.org' || indexUrl.host === 'pypi.org') return 'https://pypi.org';
  if (indexUrl.host === 'test.pypi.org' || indexUrl.host === 'upload.test.pypi.org') return 'https://test.pypi.org';
  return undefined;
}
