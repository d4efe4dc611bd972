# SPDX-License-Identifier: MIT
"""setup.py -- tags the pmext wheel for one platform (py3-none-PLATFORM).

The wheel holds a compiled library but no Python extension module: it
works with any Python 3 on the platform it was built for, so the tag names
the platform but neither a Python version nor an ABI. The rest of the
metadata is in pyproject.toml.
"""

from setuptools import setup
from setuptools.dist import Distribution
from wheel.bdist_wheel import bdist_wheel


class PlatformDistribution(Distribution):
    def has_ext_modules(self):
        return True  # the library is platform code: a platlib wheel


class PlatformWheel(bdist_wheel):
    def get_tag(self):
        return "py3", "none", super().get_tag()[2]


setup(
    version=open("VERSION").read().strip(),  # the project's one version
    packages=["pmext"],
    package_data={"pmext": ["pmext.so", "pmext.dylib", "pmext.dll"]},
    distclass=PlatformDistribution,
    cmdclass={"bdist_wheel": PlatformWheel},
)
