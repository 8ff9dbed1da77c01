"""Judge core metadata files as PyPI would, for test/metadata-differential.test.ts.

Reads {"files": [paths], "values": {kind: [values]}, "identifier_points": [int]} on stdin and
prints {"versions": {...}, "verdicts": {path: [errors]}, "values": {kind: {value: problem or
null}}, "identifiers": {"start": str, "continue": str}, "spdx": {"version", "licenses",
"exceptions"}} (the SPDX lists of Warehouse's packaging release). A file's errors are {"by": "packaging" |
"warehouse", "field": <lowercase header name>, "message": ...}; an empty list means PyPI would
accept the metadata. Value kinds: requirement, specifiers, email (a whole Author-email value), url,
license_file, import_name, and license_expression and content_type (Description-Content-Type), whose answer is {"warehouse":
problem or null, "latest": problem or null}: the verdicts of the packaging release Warehouse pins
(installed apart, at request["warehouse_packaging"]; see test/support/warehouse-pins.ts) and of
the venv's, which judges everything else. The identifiers say per code point "1" where
str.isidentifier accepts it alone and after "x", "u" where this Python's Unicode database has the
code point unassigned, else "0".
The judge is packaging's own validation
(Metadata.from_email with validate=True), then the rules Warehouse's forklift/metadata.py adds on
top of it, re-expressed here with the same libraries Warehouse uses (trove-classifiers,
email-validator, rfc3986). It runs under CPython 3.14 (test/support/cpython314.ts), as Warehouse
does: the e-mail header parsing and email.utils.parseaddr it relies on differ in older Pythons.
"""

import email.utils
import importlib
import importlib.metadata
import importlib.util
import pathlib
import json
import platform
import re
import sys
import unicodedata

import email_validator
import rfc3986
import rfc3986.exceptions
import rfc3986.validators
import trove_classifiers
from packaging.licenses import canonicalize_license_expression
from packaging.metadata import InvalidMetadata, Metadata
from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet

# Warehouse's DYNAMIC_FIELDS, lowercased.
DYNAMIC_FIELDS = {
    "platform", "supported-platform", "summary", "description", "description-content-type", "keywords",
    "home-page", "download-url", "author", "author-email", "maintainer", "maintainer-email", "license",
    "license-expression", "license-file", "classifier", "requires-dist", "requires-python",
    "requires-external", "project-url", "provides-extra", "provides-dist", "obsoletes-dist", "requires",
    "provides", "obsoletes", "import-name", "import-namespace",
}
SINGLE_FIELDS = {
    "author", "author-email", "description-content-type", "download-url", "home-page", "license",
    "license-expression", "maintainer", "maintainer-email", "requires-python", "summary", "keywords",
}


def as_uploaded(data: bytes) -> bytes:
    """The metadata as it reaches PyPI's checks.

    twine leaves out License-File below Metadata-Version 2.4, Warehouse's form parsing skips empty
    values, and its `sanitize` decorator deletes fields whose value is "UNKNOWN" (distutils' filler).
    """
    head, sep, body = data.partition(b"\n\n")
    lines = head.split(b"\n")
    version = next((line.split(b":", 1)[1].strip() for line in lines if line.lower().startswith(b"metadata-version:")), b"")
    old = version in (b"1.0", b"1.1", b"1.2", b"2.1", b"2.2", b"2.3")
    kept: list[bytes] = []
    dropping = False
    for line in lines:
        if line[:1] in (b" ", b"\t"):
            if not dropping:
                kept.append(line)
            continue
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        value = value.strip()
        dropping = (name == b"license-file" and old) or (
            name.decode() in SINGLE_FIELDS and value in (b"", b"UNKNOWN")
        )
        if not dropping:
            kept.append(line)
    return b"\n".join(kept) + sep + body


def flatten(group: BaseException) -> list[BaseException]:
    if isinstance(group, BaseExceptionGroup):
        return [leaf for inner in group.exceptions for leaf in flatten(inner)]
    return [group]


def single_address(value: str) -> str:
    """The address Warehouse validates: what strict email.utils.parseaddr finds ('' when not exactly one)."""
    return email.utils.parseaddr(value)[1]


def valid_url(url: str) -> bool:
    reference = rfc3986.uri_reference(url).normalize()
    validator = (
        rfc3986.validators.Validator()
        .allow_schemes("http", "https")
        .require_presence_of("scheme")
        .check_validity_of("scheme", "host", "port", "path", "query")
    )
    try:
        validator.validate(reference)
    except rfc3986.exceptions.ValidationError:
        return False
    return True


def field(meta: Metadata, name: str):
    """An attribute of a Metadata built without validation; None when packaging cannot read it."""
    try:
        return getattr(meta, name)
    except (InvalidMetadata, ValueError, TypeError):
        return None


def warehouse_rules(meta: Metadata) -> list[tuple[str, str]]:
    errors = []
    version = field(meta, "version")
    if version is not None and version.local:
        errors.append(("version", f"local version {version}"))
    summary = field(meta, "summary")
    if isinstance(summary, str) and len(summary) > 512:
        errors.append(("summary", "longer than 512 characters"))
    for name in ("author-email", "maintainer-email"):
        value = field(meta, name.replace("-", "_"))
        address = single_address(value) if value else ""
        if address:
            try:
                email_validator.validate_email(address, check_deliverability=False)
            except email_validator.EmailNotValidError as exc:
                errors.append((name, f"{address!r}: {exc}"))
    classifiers = set(field(meta, "classifiers") or [])
    for classifier in sorted(classifiers - set(trove_classifiers.all_classifiers)):
        errors.append(("classifier", f"{classifier!r} is not valid"))
    for classifier in sorted(classifiers & trove_classifiers.deprecated_classifiers.keys()):
        errors.append(("classifier", f"{classifier!r} is deprecated"))
    for name in ("home-page", "download-url"):
        url = field(meta, name.replace("-", "_"))
        if url is not None and not valid_url(url):
            errors.append((name, f"{url!r} is not a valid url"))
    for label, url in (field(meta, "project_urls") or {}).items():
        if not label:
            errors.append(("project-url", "no label"))
        elif len(label) > 32:
            errors.append(("project-url", f"label {label!r} longer than 32"))
        elif not url:
            errors.append(("project-url", f"{label!r} has no url"))
        elif not valid_url(url):
            errors.append(("project-url", f"{url!r} is not a valid url"))
    for name in ("provides-dist", "obsoletes-dist"):
        for text in field(meta, name.replace("-", "_")) or []:
            try:
                if Requirement(text).url is not None:
                    errors.append((name, f"direct reference {text!r}"))
            except InvalidRequirement as exc:
                errors.append((name, f"{text!r}: {exc}"))
    for requirement in field(meta, "requires_dist") or []:
        if requirement.url is not None:
            errors.append(("requires-dist", f"direct reference {str(requirement)!r}"))
    for name in field(meta, "dynamic") or []:
        if name not in DYNAMIC_FIELDS:
            errors.append(("dynamic", f"{name!r} is not a valid dynamic field"))
    if field(meta, "license") and field(meta, "license_expression"):
        errors.append(("license", "both License and License-Expression"))
    return errors


def judge(data: bytes) -> list[dict[str, str]]:
    data = as_uploaded(data)
    errors = []
    try:
        Metadata.from_email(data, validate=True)
    except BaseExceptionGroup as group:
        for exc in flatten(group):
            errors.append({"by": "packaging", "field": getattr(exc, "field", "?"), "message": str(exc)})
    for name, message in warehouse_rules(Metadata.from_email(data, validate=False)):
        errors.append({"by": "warehouse", "field": name, "message": message})
    return errors


def licenses_module(folder: pathlib.Path, name: str):
    """A package of a packaging release (its licenses, or the whole), loaded under another name beside the imported packaging."""
    spec = importlib.util.spec_from_file_location(name, folder / "__init__.py", submodule_search_locations=[str(folder)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def license_verdict(canonicalize, value: str) -> str | None:
    try:
        canonicalize(value)
    except ValueError as exc:
        return str(exc)
    except Exception as exc:  # packaging 26.2 fails with KeyError on 'LicenseRef-x+': a server error on PyPI
        return f"{type(exc).__name__}: {exc}"
    return None


def content_type_verdict(metadata_class, value: str) -> str | None:
    """Why a packaging release's Metadata refuses a Description-Content-Type value alone, or None."""
    try:
        metadata_class.from_raw(
            {"metadata_version": "2.1", "name": "x", "version": "1", "description_content_type": value}
        )
    except BaseExceptionGroup as group:
        return "; ".join(str(exc) for exc in flatten(group))
    except Exception as exc:  # packaging 26.2 lets the e-mail parser's ValueError and IndexError escape: a server error on PyPI
        return f"{type(exc).__name__}: {exc}"
    return None


def value_problem(kind: str, value: str):
    """Why one field value is refused, judged alone (None when accepted)."""
    try:
        if kind == "requirement":
            Requirement(value)
        elif kind == "specifiers":
            SpecifierSet(value)
        elif kind == "email":
            # As a whole field value: Warehouse's sanitize drops "UNKNOWN" before anything else.
            address = "" if value.strip() == "UNKNOWN" else single_address(value)
            if address:
                email_validator.validate_email(address, check_deliverability=False)
        elif kind == "url":
            return None if valid_url(value) else "invalid url"
        elif kind == "license_expression":
            return {
                "warehouse": license_verdict(WAREHOUSE_LICENSES.canonicalize_license_expression, value),
                "latest": license_verdict(canonicalize_license_expression, value),
            }
        elif kind == "license_file":
            Metadata.from_raw({"metadata_version": "2.4", "name": "x", "version": "1", "license_files": [value]})
        elif kind == "import_name":
            Metadata.from_raw({"metadata_version": "2.5", "name": "x", "version": "1", "import_names": [value]})
        elif kind == "content_type":
            return {
                "warehouse": content_type_verdict(WAREHOUSE_METADATA.Metadata, value),
                "latest": content_type_verdict(Metadata, value),
            }
        else:
            raise ValueError(f"unknown kind {kind!r}")
    except (InvalidRequirement, InvalidSpecifier, email_validator.EmailNotValidError) as exc:
        return str(exc)
    except BaseExceptionGroup as group:
        return "; ".join(str(exc) for exc in flatten(group))
    return None


WAREHOUSE_LICENSES = None
WAREHOUSE_METADATA = None


def main() -> None:
    global WAREHOUSE_LICENSES, WAREHOUSE_METADATA
    if sys.version_info < (3, 14):
        sys.exit(f"metadata_oracle.py judges as Warehouse does, with CPython 3.14, not {sys.version}")
    request = json.load(sys.stdin)
    pinned = pathlib.Path(request["warehouse_packaging"])
    WAREHOUSE_LICENSES = licenses_module(pinned / "packaging" / "licenses", "warehouse_packaging_licenses")
    licenses_module(pinned / "packaging", "warehouse_packaging")
    WAREHOUSE_METADATA = importlib.import_module("warehouse_packaging.metadata")
    versions = {"python": platform.python_version()} | {
        dist: importlib.metadata.version(dist)
        for dist in ("packaging", "trove-classifiers", "email-validator", "rfc3986")
    } | {"packaging (Warehouse's pin)": next(importlib.metadata.distributions(name="packaging", path=[str(pinned)])).version}
    verdicts = {}
    for path in request.get("files", []):
        with open(path, "rb") as file:
            verdicts[path] = judge(file.read())
    values = {
        kind: {value: value_problem(kind, value) for value in items}
        for kind, items in request.get("values", {}).items()
    }
    points = request.get("identifier_points", [])
    def flags(text_of) -> str:
        return "".join(
            "1" if text_of(chr(point)).isidentifier() else "u" if unicodedata.category(chr(point)) == "Cn" else "0"
            for point in points
        )

    identifiers = {"start": flags(lambda char: char), "continue": flags(lambda char: "x" + char)}
    spdx = sys.modules["warehouse_packaging_licenses._spdx"]
    lists = {
        "version": spdx.VERSION,
        "licenses": {key: entry["id"] for key, entry in spdx.LICENSES.items()},
        "exceptions": {key: entry["id"] for key, entry in spdx.EXCEPTIONS.items()},
    }
    json.dump(
        {"versions": versions, "verdicts": verdicts, "values": values, "identifiers": identifiers, "spdx": lists},
        sys.stdout,
        indent=1,
    )


if __name__ == "__main__":
    main()
