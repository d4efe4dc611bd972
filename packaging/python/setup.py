# SPDX-License-Identifier: MIT
"""setup.py -- tags the pmext wheel for one platform (py3-none-PLATFORM).

The wheel holds a compiled library but no Python extension module: it
works with any Python 3 on the platform it was built for, so the tag names
the platform but neither a Python version nor an ABI. PLATFORM comes from
the environment, PMEXT_WHEEL_PLATFORM (make wheel: manylinux_2_29_x86_64,
manylinux_2_29_aarch64, musllinux_1_2_x86_64), and tools/check-wheel.py
checks it against the library's needs. The rest of the metadata is in
pyproject.toml.
"""

import os

from setuptools import setup
from setuptools.dist import Distribution
from wheel.bdist_wheel import bdist_wheel


class PlatformDistribution(Distribution):
    def has_ext_modules(self):
        return True  # the library is platform code: a platlib wheel


class PlatformWheel(bdist_wheel):
    def get_tag(self):
        return "py3", "none", os.environ["PMEXT_WHEEL_PLATFORM"]


setup(
    version=open("VERSION").read().strip(),  # the project's one version
    packages=["pmext"],
    package_data={"pmext": ["pmext.so", "pmext.dylib", "pmext.dll"]},
    distclass=PlatformDistribution,
    cmdclass={"bdist_wheel": PlatformWheel},
)
