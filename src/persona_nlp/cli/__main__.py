"""``python -m persona_nlp.cli``: the same as the ``persona-nlp`` command."""

from __future__ import annotations

import sys

from . import main

if __name__ == "__main__":
    sys.exit(main())
