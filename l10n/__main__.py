"""``python -m l10n``."""

from .cli import main

if __name__ == "__main__":
    main()
