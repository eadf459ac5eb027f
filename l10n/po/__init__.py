"""gettext catalogs: ``entries`` (segments <-> typed entries), ``merge`` (msgmerge rules),
``io`` (files; the only polib user), ``format`` + ``linebreak`` (bytes exactly as msgcat
writes them), ``lint`` (what polib would misread), ``stats`` (review progress)."""
