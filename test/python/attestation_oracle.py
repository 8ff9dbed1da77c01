"""Read PEP 740 attestations as PyPI does, for test/integration/attestations.test.ts.

Takes attestation file paths as arguments and prints a JSON object per path: the version of
pypi-attestations, whether Attestation.model_validate_json accepted the file, the Sigstore bundle
that Attestation.to_bundle() converts it to (sigstore's own JSON), and what the signing certificate
says about the signer: the SAN and the Fulcio extensions PyPI's publisher check reads.
"""

import importlib.metadata
import json
import sys

from cryptography import x509
from pypi_attestations import Attestation

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


def describe(path: str) -> dict:
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
        "bundle": json.loads(bundle.to_json()),
        "san": [str(uri) for uri in san.get_values_for_type(x509.UniformResourceIdentifier)],
        "extensions": extensions,
    }


def main() -> None:
    result = {"version": importlib.metadata.version("pypi-attestations"), "files": {}}
    for path in sys.argv[1:]:
        try:
            result["files"][path] = describe(path)
        except Exception as error:  # noqa: BLE001 - every failure is a finding for the test
            result["files"][path] = {"parsed": False, "error": f"{type(error).__name__}: {error}"}
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
