"""``python -m extrel``: the same as the ``extrel`` command."""

from extrel.cli import main

main()
