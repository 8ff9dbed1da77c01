"""Read sdists as Warehouse does, for test/sdist-differential.test.ts.

Runs under CPython 3.14 (test/support/cpython314.ts), whose tarfile Warehouse uses. Reads
{"archives": [path]} on stdin and prints, per archive, {"names": [TarInfo.name], "commonpath":
str or null (None when os.path.commonpath refuses the names), "refusal": Warehouse's message or
null, "pkg_info": {"name", "regular", "data" (latin-1 text)} or null}. The refusal follows the
.tar.gz branch of warehouse/forklift/legacy.py's _is_valid_dist_file: the common path of all
names is the top-level folder, sparse members are refused, and `<top>/PKG-INFO` must exist by
exact name (tarfile.getmember, which returns the last member of a name).
"""

import json
import os
import sys
import tarfile


def judge(path: str) -> dict:
    try:
        with tarfile.open(path, "r:gz") as tar:
            names = tar.getnames()
            try:
                top = os.path.commonpath(names) if names else ""
            except ValueError:
                return {"names": names, "commonpath": None, "refusal": "commonpath", "pkg_info": None}
            result = {"names": names, "commonpath": top, "refusal": None, "pkg_info": None}
            if any(member.issparse() for member in tar.getmembers()):
                result["refusal"] = "Sparse members are not allowed"
            elif top in (".", "/", ""):
                result["refusal"] = "Incorrect number of top-level directories in sdist"
            else:
                target = os.path.join(top, "PKG-INFO")
                try:
                    member = tar.getmember(target)
                except KeyError:
                    result["refusal"] = f"PKG-INFO not found at {target}"
                else:
                    data = tar.extractfile(member).read() if member.isreg() else None
                    result["pkg_info"] = {
                        "name": member.name,
                        "regular": member.isreg(),
                        "data": None if data is None else data.decode("latin-1"),
                    }
            return result
    except (tarfile.ReadError, EOFError) as exc:
        return {"names": [], "commonpath": None, "refusal": f"unreadable: {exc}", "pkg_info": None}


def main() -> None:
    if sys.version_info < (3, 14):
        sys.exit(f"sdist_oracle.py reads as Warehouse does, with CPython 3.14, not {sys.version}")
    request = json.load(sys.stdin)
    json.dump({path: judge(path) for path in request["archives"]}, sys.stdout)


if __name__ == "__main__":
    main()
