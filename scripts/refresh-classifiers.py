"""Regenerate src/checks/data/trove-classifiers.json from the installed trove-classifiers package.

PyPI refuses an upload whose Classifier is unknown or deprecated, checking both against the
trove-classifiers release it runs; this file is our copy of those lists. Run it with the test
virtualenv's Python after bumping trove-classifiers in test/python/requirements.txt:

    .venv/bin/python scripts/refresh-classifiers.py
"""

import importlib.metadata
import sys

import data_file
import trove_classifiers


def build() -> dict:
    deprecated = trove_classifiers.deprecated_classifiers
    return {
        "source": f"trove-classifiers {importlib.metadata.version('trove-classifiers')}",
        "classifiers": sorted(trove_classifiers.classifiers),
        "deprecated": {old: list(deprecated[old]) for old in sorted(deprecated)},
    }


def main() -> int:
    data = build()
    return data_file.write("trove-classifiers.json", data, f"{len(data['classifiers'])} classifiers, {len(data['deprecated'])} deprecated")


if __name__ == "__main__":
    sys.exit(main())
