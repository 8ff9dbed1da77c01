import { describe, expect, it } from 'vitest';
import { proxySecrets } from '../../src/common/proxy-secrets.js';

describe('proxySecrets', () => {
  it('masks the user, the password and their pair, as written and decoded, and the Basic value', () => {
    const secrets = proxySecrets({ HTTPS_PROXY: 'http://proxy%2Duser:p%40ss%3Aword@proxy.example:3128' });
    for (const form of [
      'proxy%2Duser',
      'proxy-user',
      'p%40ss%3Aword',
      'p@ss:word',
      'proxy%2Duser:p%40ss%3Aword',
      'proxy-user:p@ss:word',
      Buffer.from('proxy-user:p@ss:word').toString('base64'),
    ])
      expect(secrets).toContain(form);
  });

  it('reads every spelling of the variables, with or without a scheme', () => {
    expect(proxySecrets({ http_proxy: 'alice:secret1@10.0.0.1:8080' })).toEqual(
      expect.arrayContaining(['alice', 'secret1', 'alice:secret1']),
    );
    expect(proxySecrets({ ALL_PROXY: 'socks5://bob:secret2@h:1080' })).toEqual(
      expect.arrayContaining(['bob', 'secret2']),
    );
    expect(proxySecrets({ https_proxy: 'http://tokenonly12345@h:1' })).toContain('tokenonly12345');
  });

  it('finds nothing in a proxy without credentials, and never masks one or two characters alone', () => {
    expect(proxySecrets({ HTTPS_PROXY: 'http://proxy.example:3128', NO_PROXY: 'a:b@c' })).toEqual([]);
    const secrets = proxySecrets({ HTTPS_PROXY: 'http://u:pw@proxy.example' });
    expect(secrets).not.toContain('u');
    expect(secrets).not.toContain('pw');
    expect(secrets).toContain('u:pw');
  });
});
