"""Reading an article: ``read`` (files, decoding), ``classify`` (blocks), ``segment``
(sentences)."""
