"""Regenerate src/checks/data/spdx.json from the installed packaging package.

PyPI checks License-Expression with packaging.licenses.canonicalize_license_expression, against the
SPDX license and exception lists packaging carries (packaging/licenses/_spdx.py). This file is our
copy of those lists: the identifiers, keyed by their lower-case form as packaging looks them up.
Deprecated identifiers are in, since packaging accepts them. Run it with the test virtualenv's
Python after bumping packaging in test/python/requirements.txt:

    npm run refresh-spdx
"""

import importlib.metadata
import json
import pathlib
import sys

from packaging.licenses import _spdx

OUTPUT = pathlib.Path(__file__).resolve().parent.parent / "src" / "checks" / "data" / "spdx.json"


def build() -> dict:
    return {
        "source": f"packaging {importlib.metadata.version('packaging')} (SPDX license list {_spdx.VERSION})",
        "licenses": {key: entry["id"] for key, entry in sorted(_spdx.LICENSES.items())},
        "exceptions": {key: entry["id"] for key, entry in sorted(_spdx.EXCEPTIONS.items())},
    }


def main() -> int:
    data = build()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{OUTPUT}: {len(data['licenses'])} licenses, {len(data['exceptions'])} exceptions ({data['source']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
