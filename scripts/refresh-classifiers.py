"""Regenerate src/checks/data/trove-classifiers.json from the installed trove-classifiers package.

PyPI refuses an upload whose Classifier is unknown or deprecated, checking both against the
trove-classifiers release it runs; this file is our copy of those lists. Run it with the test
virtualenv's Python after bumping trove-classifiers in test/python/requirements.txt:

    .venv/bin/python scripts/refresh-classifiers.py
"""

import importlib.metadata
import json
import pathlib
import sys

import trove_classifiers

OUTPUT = pathlib.Path(__file__).resolve().parent.parent / "src" / "checks" / "data" / "trove-classifiers.json"


def build() -> dict:
    deprecated = trove_classifiers.deprecated_classifiers
    return {
        "source": f"trove-classifiers {importlib.metadata.version('trove-classifiers')}",
        "classifiers": sorted(trove_classifiers.classifiers),
        "deprecated": {old: list(deprecated[old]) for old in sorted(deprecated)},
    }


def main() -> int:
    data = build()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{OUTPUT}: {len(data['classifiers'])} classifiers, {len(data['deprecated'])} deprecated ({data['source']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
