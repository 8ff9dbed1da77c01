// Loaded only for 'verbose' (import() in attest.ts), like sigstore.ts.
import { ASN1Obj, X509Certificate } from '@sigstore/core';

/** Fulcio's extensions (https://github.com/sigstore/fulcio/blob/main/docs/oid-info.md). */
const ISSUER_V2 = '1.3.6.1.4.1.57264.1.8';
const SOURCE_REPOSITORY_URI = '1.3.6.1.4.1.57264.1.12';
const BUILD_CONFIG_URI = '1.3.6.1.4.1.57264.1.18';

/** Who a signing certificate says signed: what PyPI compares with the trusted publisher. */
export interface CertificateIdentity {
  subjectAlternativeName: string | undefined;
  issuer: string | undefined;
  sourceRepositoryUri: string | undefined;
  buildConfigUri: string | undefined;
  notAfter: Date;
}

export function certificateIdentity(der: Buffer): CertificateIdentity {
  const certificate = X509Certificate.parse(Buffer.from(der));
  const text = (oid: string): string | undefined => {
    const extension = certificate.extension(oid);
    if (!extension) return undefined;
    try {
      return ASN1Obj.parseBuffer(Buffer.from(extension.value)).value.toString('utf8');
    } catch {
      return undefined;
    }
  };
  return {
    subjectAlternativeName: certificate.extSubjectAltName?.uri ?? certificate.extSubjectAltName?.rfc822Name,
    issuer: text(ISSUER_V2),
    sourceRepositoryUri: text(SOURCE_REPOSITORY_URI),
    buildConfigUri: text(BUILD_CONFIG_URI),
    notAfter: certificate.notAfter,
  };
}

export function describeIdentity(identity: CertificateIdentity): string {
  return [
    `SAN ${identity.subjectAlternativeName ?? '(none)'}`,
    `issuer ${identity.issuer ?? '(none)'}`,
    `Build Config URI ${identity.buildConfigUri ?? '(none)'}`,
    `Source Repository URI ${identity.sourceRepositoryUri ?? '(none)'}`,
    `valid until ${identity.notAfter.toISOString()}`,
  ].join(', ');
}
