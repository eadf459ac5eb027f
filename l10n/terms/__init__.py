"""The glossary: ``glossary`` (load, validate), ``match`` (terms in English, forms in
translations; ``russian``: the dictionary behind Russian forms), ``notes`` (the ``#.
glossary:`` notes of an entry), ``placeholders`` and ``enforce`` (terms forced through
machine translation)."""
