"""Judge entry_points.txt files as Warehouse does, for test/entry-points-differential.test.ts.

Runs under CPython 3.14 (test/support/cpython314.ts), whose configparser Warehouse uses. Reads
{"texts": [str], "codepoints": [int]} on stdin and prints {"python": version, "verdicts":
[error or null], "name_chars": str}: a verdict follows warehouse/utils/wheel.py's
_validate_entrypoints on the decoded file (configparser.ConfigParser with `=` as the only
delimiter and case-sensitive keys, then every console_scripts and gui_scripts name matched
against [\\w.-]+); name_chars says per code point "1" when [\\w.-]+ matches it alone, "u" when
this Python's Unicode database has it unassigned, else "0".
"""

import configparser
import json
import platform
import re
import sys
import unicodedata

_ENTRY_POINT_NAME_RE = re.compile(r"[\w.-]+")


class CaseSensitiveConfigParser(configparser.ConfigParser):
    optionxform = staticmethod(str)


def verdict(text: str) -> str | None:
    parser = CaseSensitiveConfigParser(delimiters=("=",))
    try:
        parser.read_string(text)
    except configparser.Error as error:
        return f"entry_points.txt is not a valid INI file: {error!r}"
    for section_name in ("console_scripts", "gui_scripts"):
        try:
            section = parser[section_name]
        except KeyError:
            continue
        for name in section:
            if _ENTRY_POINT_NAME_RE.fullmatch(name) is None:
                return f"Invalid entry point name {name!r} in {section_name!r}"
    return None


def main() -> None:
    if sys.version_info < (3, 14):
        sys.exit(f"entry_points_oracle.py judges as Warehouse does, with CPython 3.14, not {sys.version}")
    request = json.load(sys.stdin)
    json.dump(
        {
            "python": f"{platform.python_implementation()} {platform.python_version()}",
            "verdicts": [verdict(text) for text in request["texts"]],
            "unicode": unicodedata.unidata_version,
            "name_chars": "".join(
                "1"
                if _ENTRY_POINT_NAME_RE.fullmatch(chr(point))
                else "u"
                if unicodedata.category(chr(point)) == "Cn"
                else "0"
                for point in request["codepoints"]
            ),
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
