"""Publishing: ``localize`` (the policy: what each language shows), ``render`` (txt, md,
html), ``export`` (files under the output directory, MO included)."""
