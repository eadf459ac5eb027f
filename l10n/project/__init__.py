"""A project on disk: ``config`` ([tool.l10n]), ``paths`` (where files are), ``inputs``
(articles, glossary, languages, models, memory read and validated), ``lock``."""
