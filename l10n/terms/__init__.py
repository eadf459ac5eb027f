"""The glossary: ``glossary`` (load, validate), ``match`` (terms in English, forms in
translations), ``enforce`` (terms forced through machine translation)."""
