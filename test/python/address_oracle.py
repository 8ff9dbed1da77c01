"""Judge Author-email values as Warehouse does, for test/address-differential.test.ts.

Runs under CPython 3.14 (test/support/cpython314.ts), whose email.utils parses strictly by
default, as on PyPI. Reads {"values": [str], "lists": [[str]], "sweep": [str]} on stdin and prints {"python": version, "unicode": version, "parseaddr":
[[name, address]], "getaddresses": [[[name, address]]], "verdicts": [error or null], "sweep": str}.
A verdict is what Warehouse's forklift/metadata.py says about the value as a whole Author-email
(parseaddr, then email-validator on the address when there is one). For the sweep's addresses
the answer says, one character each, "1" where email-validator refuses it and "0" where it accepts.
"""

import email.utils
import json
import platform
import sys
import unicodedata

import email_validator


def verdict(value: str) -> str | None:
    _, address = email.utils.parseaddr(value)
    if not address:
        return None
    try:
        email_validator.validate_email(address, check_deliverability=False)
    except email_validator.EmailNotValidError as exc:
        return str(exc)
    return None


def refused(address: str) -> bool:
    try:
        email_validator.validate_email(address, check_deliverability=False)
    except email_validator.EmailNotValidError:
        return True
    return False


def main() -> None:
    if not getattr(email.utils, "supports_strict_parsing", False) or sys.version_info < (3, 14):
        sys.exit(f"address_oracle.py needs CPython 3.14's email package, not {sys.version}")
    request = json.load(sys.stdin)
    values = request["values"]
    json.dump(
        {
            "python": f"{platform.python_implementation()} {platform.python_version()}",
            "unicode": unicodedata.unidata_version,
            "parseaddr": [list(email.utils.parseaddr(value)) for value in values],
            "getaddresses": [[list(pair) for pair in email.utils.getaddresses(items)] for items in request["lists"]],
            "verdicts": [verdict(value) for value in values],
            "sweep": "".join("1" if refused(address) else "0" for address in request.get("sweep", [])),
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
