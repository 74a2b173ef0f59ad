"""``python -m beltlib``: see :mod:`beltlib.cli`."""
import sys

from .cli import main

sys.exit(main())
