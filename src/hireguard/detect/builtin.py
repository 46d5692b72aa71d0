"""Imports every built-in detector module so that each registers its detectors.

Add a line here for a new detector module; a module that fails to import is an error.
"""

import importlib

_MODULES = [
    "hireguard.detect.network",
    "hireguard.detect.location",
    "hireguard.detect.device",
    "hireguard.detect.phone",
    "hireguard.detect.email",
    "hireguard.detect.history",
    "hireguard.detect.profile",
    "hireguard.detect.content",
    "hireguard.detect.payment",
    "hireguard.detect.interview",
    "hireguard.detect.sanctions",
    "hireguard.detect.linkage",
]

for _name in _MODULES:
    try:
        importlib.import_module(_name)
    except ModuleNotFoundError as exc:  # a module not written yet
        if exc.name != _name:
            raise
