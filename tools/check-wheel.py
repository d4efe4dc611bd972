#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check-wheel.py -- does each wheel's platform tag tell the truth?

    tools/check-wheel.py WHEEL...

A wheel that holds compiled code names the systems it runs on in its
platform tag; an installer trusts the tag, so a wrong one breaks at load
time on a user's machine. For every ELF file in each wheel this reads the
ELF header, the libraries it needs and the symbol versions it refers to
(readelf), and checks them against the tag's policy:

  manylinux_X_Y_ARCH  (PEP 600) the machine is ARCH; every GLIBC_ symbol
                      version is at most X.Y (glibc X.Y or later has them
                      all); every needed library is one the manylinux
                      policy lets a wheel assume (glibc's own, libgcc_s,
                      libstdc++, libz and the few others of PEP 599), and
                      no other library's symbol versions are used
  musllinux_1_Y_ARCH  (PEP 656) the machine is ARCH; the only libraries
                      needed are musl's libc.so (and libz.so.1); no glibc
                      symbol version at all

It also checks that the file name's tag and the WHEEL file's Tag agree.
Prints one line per wheel, "ok TAG: ..." with what it found (the highest
GLIBC version, the needed libraries), or what breaks the policy; exits 1
when any wheel breaks it.
"""

import os
import re
import subprocess
import sys
import tempfile
import zipfile

ELF_MACHINES = {
    "x86_64": "Advanced Micro Devices X86-64",
    "aarch64": "AArch64",
    "i686": "Intel 80386",
}
MANYLINUX_LIBRARIES = {
    "libc.so.6", "libm.so.6", "libdl.so.2", "librt.so.1", "libpthread.so.0",
    "libutil.so.1", "libnsl.so.1", "libanl.so.1", "libresolv.so.2",
    "libgcc_s.so.1", "libstdc++.so.6", "libatomic.so.1", "libz.so.1",
    "libexpat.so.1", "libX11.so.6", "libXext.so.6", "libXrender.so.1",
    "libICE.so.6", "libSM.so.6", "libGL.so.1", "libgobject-2.0.so.0",
    "libgthread-2.0.so.0", "libglib-2.0.so.0",
}
MUSLLINUX_LIBRARIES = {"libc.so", "libz.so.1"}


def parse_tag(tag):
    """(family, (major, minor), arch) of a platform tag, or None."""
    m = re.fullmatch(r"(manylinux|musllinux)_(\d+)_(\d+)_(\w+)", tag)
    if not m:
        return None
    return m.group(1), (int(m.group(2)), int(m.group(3))), m.group(4)


def version_tuple(text):
    return tuple(int(part) for part in text.split("."))


def elf_facts(path):
    """Machine, needed libraries and referenced symbol versions of an ELF."""
    out = subprocess.run(["readelf", "-h", "-d", "-V", "-W", path],
                         check=True, capture_output=True, text=True).stdout
    machine = re.search(r"^\s*Machine:\s+(.*?)\s*$", out, re.M).group(1)
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)
    # .gnu.version_r: "Name: GLIBC_2.29  Flags: none  Version: 5"
    versions = re.findall(r"Name: ([A-Z_]+)_([0-9][0-9.]*)\s+Flags", out)
    return machine, needed, versions


def check_library(path, family, level, arch):
    """Problems of one ELF file under the policy, and a summary of it."""
    machine, needed, versions = elf_facts(path)
    problems = []
    if machine != ELF_MACHINES.get(arch):
        problems.append(f"machine is {machine}, the tag says {arch}")
    allowed = MANYLINUX_LIBRARIES if family == "manylinux" else MUSLLINUX_LIBRARIES
    for lib in needed:
        if lib not in allowed:
            problems.append(f"needs {lib}, which {family} does not provide")
    glibc = sorted(version_tuple(v) for name, v in versions if name == "GLIBC")
    highest = glibc[-1] if glibc else None
    if family == "musllinux" and versions:
        problems.append("refers to symbol versions (%s): a glibc build"
                        % ", ".join(sorted({f"{n}_{v}" for n, v in versions})))
    if family == "manylinux":
        if highest and highest[:2] > level:
            too_new = sorted({v for n, v in versions if n == "GLIBC"
                              and version_tuple(v)[:2] > level}, key=version_tuple)
            problems.append("needs GLIBC_%s, newer than the tag's glibc %d.%d"
                            % (too_new[-1], *level))
        others = sorted({f"{n}_{v}" for n, v in versions if n != "GLIBC"})
        if others:
            problems.append("refers to symbol versions outside glibc: " + ", ".join(others))
    summary = "needs %s; highest glibc symbol version %s" % (
        " ".join(needed) or "nothing",
        "GLIBC_" + ".".join(map(str, highest)) if highest else "none")
    return problems, summary


def check_wheel(wheel):
    """Problems of one wheel and a summary line."""
    name = os.path.basename(wheel)
    tag = name[:-len(".whl")].split("-")[-1]
    policy = parse_tag(tag)
    if not policy:
        return [f"platform tag {tag} is neither manylinux_X_Y nor musllinux_X_Y"], ""
    family, level, arch = policy
    problems, summaries = [], []
    with zipfile.ZipFile(wheel) as z, tempfile.TemporaryDirectory() as tmp:
        wheel_files = [n for n in z.namelist() if n.endswith(".dist-info/WHEEL")]
        tags = re.findall(r"^Tag: (.*)$", z.read(wheel_files[0]).decode(), re.M)
        if [t.split("-")[-1] for t in tags] != [tag]:
            problems.append(f"WHEEL says Tag: {', '.join(tags)}; the file name says {tag}")
        for member in z.namelist():
            if z.read(member)[:4] != b"\x7fELF":
                continue
            path = z.extract(member, tmp)
            p, summary = check_library(path, family, level, arch)
            problems += [f"{member}: {x}" for x in p]
            summaries.append(f"{member} {summary}")
    if not summaries:
        problems.append("holds no ELF file: nothing to tag")
    return problems, "; ".join(summaries)


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    failed = False
    for wheel in argv[1:]:
        problems, summary = check_wheel(wheel)
        tag = os.path.basename(wheel)[:-len(".whl")].split("-")[-1]
        if problems:
            failed = True
            for p in problems:
                print(f"FAIL {tag}: {p}")
        else:
            print(f"ok {tag}: {summary}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
