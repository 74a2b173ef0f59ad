"""Loaded before pytest's other plugins by ``make test`` (``-p tests.startup_plugin``), in the controller and
in every worker: nbval's plugin imports nbformat, then jsonschema, which would build rfc3987-syntax's IRI
parser in each of those processes (about 0.7 s of CPU each) for a check no test makes.
:func:`beltlib.startup.defer_iri_parser` builds it on first use instead, as the command line and the servers do.
"""
from beltlib.startup import defer_iri_parser

defer_iri_parser()
