"""Judge Author-email values as Warehouse does, for test/address-differential.test.ts.

Runs under CPython 3.14 (test/support/cpython314.ts), whose email.utils parses strictly by
default, as on PyPI. Reads {"values": [str], "lists": [[str]], "sweep": {"templates": [str],
"codepoints": [int]}} on stdin and prints {"python": version, "unicode": version, "parseaddr":
[[name, address]], "getaddresses": [[[name, address]]], "verdicts": [error or null], "sweep": str}.
A verdict is what Warehouse's forklift/metadata.py says about the value as a whole Author-email
(parseaddr, then email-validator on the address when there is one). The sweep puts each code point
into each template (at its "{}") and says, per template then code point, "1" where email-validator
refuses the address and "0" where it accepts it.
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
    sweep = request.get("sweep", {"templates": [], "codepoints": []})
    json.dump(
        {
            "python": f"{platform.python_implementation()} {platform.python_version()}",
            "unicode": unicodedata.unidata_version,
            "parseaddr": [list(email.utils.parseaddr(value)) for value in values],
            "getaddresses": [[list(pair) for pair in email.utils.getaddresses(items)] for items in request["lists"]],
            "verdicts": [verdict(value) for value in values],
            "sweep": "".join(
                "1" if refused(template.replace("{}", chr(point))) else "0"
                for template in sweep["templates"]
                for point in sweep["codepoints"]
            ),
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
