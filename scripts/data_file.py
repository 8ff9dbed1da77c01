"""Writing the data files under src/checks/data/ that the refresh scripts generate."""

import json
import pathlib

DATA = pathlib.Path(__file__).resolve().parent.parent / "src" / "checks" / "data"


def write(name: str, data: dict, summary: str) -> int:
    """Write `data` as src/checks/data/<name> (JSON, one space indents) and say what it holds."""
    output = DATA / name
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{output}: {summary} ({data['source']})")
    return 0
