"""Read PEP 740 attestations as PyPI does, for test/integration/attestations.test.ts.

Takes attestation file paths as arguments, each optionally as `<attestation>=<dist>`, and prints a
JSON object per attestation: the version of pypi-attestations, whether
Attestation.model_validate_json accepted the file, the Sigstore bundle that Attestation.to_bundle()
converts it to (sigstore's own JSON), what the signing certificate says about the signer (the SAN
and the Fulcio extensions PyPI's publisher check reads), and, given the dist, whether the
statement's subject is that file: the checks Attestation.verify makes once the signature holds
(which needs Sigstore's production trust root, so it cannot run against the tests' Fulcio).
"""

import importlib.metadata
import json
import sys
from pathlib import Path

from cryptography import x509
from pypi_attestations import Attestation, AttestationType, Distribution

# Attestation.verify's own helpers (pypi-attestations 0.0.30, pinned in requirements.txt).
from pypi_attestations._impl import _check_dist_filename, _Statement

FULCIO_EXTENSIONS = {
    "issuer": "1.3.6.1.4.1.57264.1.8",
    "build_signer_uri": "1.3.6.1.4.1.57264.1.9",
    "source_repository_uri": "1.3.6.1.4.1.57264.1.12",
    "source_repository_ref": "1.3.6.1.4.1.57264.1.14",
    "build_config_uri": "1.3.6.1.4.1.57264.1.18",
    "build_trigger": "1.3.6.1.4.1.57264.1.20",
}


def der_utf8(value: bytes) -> str:
    """The contents of a DER UTF8String (tag 12), as Fulcio encodes its newer extensions."""
    if value[0] != 0x0C:
        raise ValueError(f"not a UTF8String: tag {value[0]}")
    length, offset = value[1], 2
    if length & 0x80:
        count = length & 0x7F
        length, offset = int.from_bytes(value[2 : 2 + count], "big"), 2 + count
    return value[offset : offset + length].decode("utf-8")


def subject_check(attestation: Attestation, dist_path: str) -> str:
    """Return "ok", or why Attestation.verify would refuse the subject for this file, in its words."""
    dist = Distribution.from_file(Path(dist_path))
    statement = _Statement.model_validate_json(attestation.envelope.statement)
    if len(statement.subjects) != 1:
        return "too many subjects in statement (must be exactly one)"
    subject = statement.subjects[0]
    if not subject.name:
        return "invalid subject: missing name"
    if _check_dist_filename(subject.name) != _check_dist_filename(dist.name):
        return f"subject does not match distribution name: {subject.name} != {dist.name}"
    digest = subject.digest.root.get("sha256")
    if digest is None or digest != dist.digest:
        return "subject does not match distribution digest"
    try:
        AttestationType(statement.predicate_type)
    except ValueError:
        return f"unknown attestation type: {statement.predicate_type}"
    return "ok"


def describe(path: str, dist_path: str | None) -> dict:
    with open(path, encoding="utf-8") as handle:
        attestation = Attestation.model_validate_json(handle.read())
    bundle = attestation.to_bundle()
    certificate = bundle.signing_certificate
    san = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    extensions = {}
    for name, oid in FULCIO_EXTENSIONS.items():
        try:
            raw = certificate.extensions.get_extension_for_oid(x509.ObjectIdentifier(oid)).value.value
        except x509.ExtensionNotFound:
            continue
        extensions[name] = der_utf8(raw)
    return {
        "parsed": True,
        **({"subject": subject_check(attestation, dist_path)} if dist_path else {}),
        "bundle": json.loads(bundle.to_json()),
        "san": [str(uri) for uri in san.get_values_for_type(x509.UniformResourceIdentifier)],
        "extensions": extensions,
    }


def main() -> None:
    result = {"version": importlib.metadata.version("pypi-attestations"), "files": {}}
    for argument in sys.argv[1:]:
        path, _, dist_path = argument.partition("=")
        try:
            result["files"][path] = describe(path, dist_path or None)
        except Exception as error:  # noqa: BLE001 - every failure is a finding for the test
            result["files"][path] = {"parsed": False, "error": f"{type(error).__name__}: {error}"}
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
