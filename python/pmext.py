# SPDX-License-Identifier: MIT
"""pmext.py -- open a Python sqlite3 connection with the pmext extension loaded.

    import sys; sys.path.insert(0, "python")   # or copy this file anywhere
    import pmext
    conn = pmext.connect("analysis.db")        # or ":memory:" (the default)
    pmext.load(existing_connection)            # into a connection you have
    pmext.loadable_path()                      # the library load() loads

    /usr/bin/python3 python/pmext.py [PATH/TO/pmext.so]
    python -m pmext                            # the same, wheel installed

Run as a script it says whether this Python can load extensions at all,
loads pmext and prints its version (exit 0), or explains what is missing
(exit 1).

Why it exists: Python's sqlite3 module can load extensions only when
CPython was built with --enable-loadable-sqlite-extensions. Debian's and
Ubuntu's /usr/bin/python3 are; pyenv's builds and the python.org macOS
installers are not by default, and there
`conn.enable_load_extension(True)` fails with a bare AttributeError. This
helper checks first and raises LoadExtensionUnavailable with the way out.

The same file is the module of the Python wheel (`make wheel`), which
installs it as the package `pmext` with the library beside it.

Where the extension is found, first match wins: the `extension` argument,
the PMEXT_PATH environment variable, the library next to this file (the
wheel), build/pmext.so next to this file's directory (a source checkout),
/usr/local/lib/pmext/pmext.so (make install), /usr/lib/pmext/pmext.so (make
install PREFIX=/usr), /usr/lib/<multiarch>/pmext.so (the Debian package).
Give the path without the suffix or with it; SQLite accepts both.
"""

import os
import sqlite3
import sys
import sysconfig

__all__ = ["connect", "load", "loadable_path", "find_extension",
           "LoadExtensionUnavailable"]

_SUFFIX = {"darwin": ".dylib", "win32": ".dll"}.get(sys.platform, ".so")


class LoadExtensionUnavailable(RuntimeError):
    """This Python's sqlite3 module cannot load SQLite extensions."""


def _explain_missing():
    return (
        f"this Python ({sys.executable}, sqlite3 module with SQLite "
        f"{sqlite3.sqlite_version}) cannot load SQLite extensions: its "
        "sqlite3.Connection has no enable_load_extension(), because CPython "
        "was built without --enable-loadable-sqlite-extensions (the default "
        "for pyenv and the python.org macOS installers).\n"
        "What to do, any one of:\n"
        "  - use the system Python, which has it: /usr/bin/python3 on "
        "Debian and Ubuntu (apt-get install python3 python3-pandas);\n"
        "  - rebuild the pyenv Python with it: PYTHON_CONFIGURE_OPTS="
        "'--enable-loadable-sqlite-extensions' pyenv install --force "
        f"{sys.version.split()[0]};\n"
        "  - if no Python can load it, use the ready-made database "
        "build/personalized_medicine.db (make db), which needs no extension."
    )


def find_extension(extension=None):
    """The path of the pmext library to load (see the module docstring)."""
    if extension:
        return os.fspath(extension)
    if os.environ.get("PMEXT_PATH"):
        return os.environ["PMEXT_PATH"]
    here = os.path.dirname(os.path.abspath(__file__))
    name = "pmext" + _SUFFIX
    candidates = [
        os.path.join(here, name),
        os.path.join(os.path.dirname(here), "build", name),
        os.path.join("/usr/local/lib/pmext", name),
        os.path.join("/usr/lib/pmext", name),
    ]
    multiarch = sysconfig.get_config_var("MULTIARCH")
    if multiarch:
        candidates.append(os.path.join("/usr/lib", multiarch, name))
    for path in candidates:
        if os.path.exists(path):
            return path
    raise FileNotFoundError(
        "pmext: no extension found (tried "
        + ", ".join(candidates)
        + "); run `make`, or set PMEXT_PATH, or pass extension=..."
    )


def loadable_path():
    """The path of the library that load(conn) loads (the wheel's own)."""
    return find_extension()


def load(conn, extension=None):
    """Load pmext into an open connection; returns the connection."""
    enable = getattr(conn, "enable_load_extension", None)
    if enable is None:
        raise LoadExtensionUnavailable(_explain_missing())
    path = find_extension(extension)
    enable(True)
    try:
        conn.load_extension(path)
    finally:
        enable(False)  # SQL cannot load further libraries afterwards
    return conn


def connect(database=":memory:", extension=None, **kwargs):
    """sqlite3.connect(database, **kwargs) with pmext loaded."""
    conn = sqlite3.connect(database, **kwargs)
    try:
        return load(conn, extension)
    except BaseException:
        conn.close()
        raise


def _main(argv):
    extension = argv[1] if len(argv) > 1 else None
    try:
        conn = connect(extension=extension)
    except (LoadExtensionUnavailable, FileNotFoundError) as e:
        print(f"pmext: {e}", file=sys.stderr)
        return 1
    except sqlite3.OperationalError as e:
        print(f"pmext: the extension did not load: {e}", file=sys.stderr)
        return 1
    (version,) = conn.execute("SELECT pmext_version()").fetchone()
    print(f"pmext {version} loaded into SQLite {sqlite3.sqlite_version} "
          f"by {sys.executable}")
    conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv))
