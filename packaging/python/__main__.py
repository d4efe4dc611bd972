# SPDX-License-Identifier: MIT
"""python -m pmext [PATH]: load pmext and print its version (pmext._main)."""
import sys

from pmext import _main

sys.exit(_main(sys.argv))
