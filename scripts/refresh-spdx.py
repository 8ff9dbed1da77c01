"""Regenerate src/checks/data/spdx.json from the installed packaging package.

PyPI checks License-Expression with packaging.licenses.canonicalize_license_expression, against the
SPDX license and exception lists packaging carries (packaging/licenses/_spdx.py). This file is our
copy of those lists: the identifiers, keyed by their lower-case form as packaging looks them up.
Deprecated identifiers are in, since packaging accepts them. Run it with the test virtualenv's
Python after bumping packaging in test/python/requirements.txt:

    npm run refresh-spdx
"""

import importlib.metadata
import sys

import data_file
from packaging.licenses import _spdx


def build() -> dict:
    return {
        "source": f"packaging {importlib.metadata.version('packaging')} (SPDX license list {_spdx.VERSION})",
        "licenses": {key: entry["id"] for key, entry in sorted(_spdx.LICENSES.items())},
        "exceptions": {key: entry["id"] for key, entry in sorted(_spdx.EXCEPTIONS.items())},
    }


def main() -> int:
    data = build()
    return data_file.write("spdx.json", data, f"{len(data['licenses'])} licenses, {len(data['exceptions'])} exceptions")


if __name__ == "__main__":
    sys.exit(main())
