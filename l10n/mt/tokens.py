"""Language tokens of multilingual models: which token selects which language.

OPUS-MT multi-target Marian models choose the target language with a source token such as
``>>kaz_Cyrl<<`` (ISO 639-3 plus script, or just ISO 639-3); NLLB-200 models use FLORES-200
codes (``kaz_Cyrl``) as source token and target prefix; M2M100 models use ``__kk__``. The
table maps the project's ISO 639-1 codes to FLORES-200; the vocabulary decides which
spelling a model knows. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from ..errors import ModelError

# ISO 639-1 (as l10n and Argos spell languages) -> FLORES-200 code used by NLLB-200.
NLLB_CODES: dict[str, str] = {
    "ar": "arb_Arab",
    "az": "azj_Latn",
    "be": "bel_Cyrl",
    "bg": "bul_Cyrl",
    "bn": "ben_Beng",
    "cs": "ces_Latn",
    "da": "dan_Latn",
    "de": "deu_Latn",
    "el": "ell_Grek",
    "en": "eng_Latn",
    "es": "spa_Latn",
    "et": "est_Latn",
    "fa": "pes_Arab",
    "fi": "fin_Latn",
    "fr": "fra_Latn",
    "he": "heb_Hebr",
    "hi": "hin_Deva",
    "hr": "hrv_Latn",
    "hu": "hun_Latn",
    "hy": "hye_Armn",
    "id": "ind_Latn",
    "it": "ita_Latn",
    "ja": "jpn_Jpan",
    "ka": "kat_Geor",
    "kk": "kaz_Cyrl",
    "ko": "kor_Hang",
    "ky": "kir_Cyrl",
    "lt": "lit_Latn",
    "lv": "lvs_Latn",
    "mn": "khk_Cyrl",
    "ms": "zsm_Latn",
    "nb": "nob_Latn",
    "nl": "nld_Latn",
    "pl": "pol_Latn",
    "pt": "por_Latn",
    "ro": "ron_Latn",
    "ru": "rus_Cyrl",
    "sk": "slk_Latn",
    "sr": "srp_Cyrl",
    "sv": "swe_Latn",
    "sw": "swh_Latn",
    "tg": "tgk_Cyrl",
    "th": "tha_Thai",
    "tk": "tuk_Latn",
    "tr": "tur_Latn",
    "uk": "ukr_Cyrl",
    "ur": "urd_Arab",
    "uz": "uzn_Latn",
    "vi": "vie_Latn",
    "zh": "zho_Hans",
    "zt": "zho_Hant",
}
# Marian (OPUS-MT) spellings beyond the FLORES-200 code and its ISO 639-3 part.
_MARIAN_EXTRA: dict[str, tuple[str, ...]] = {
    "zh": ("cmn_Hans", "cmn", "zho"),
    "zt": ("cmn_Hant",),
    "uz": ("uzb_Latn", "uzb"),
    "fa": ("fas", "pes"),
    "ar": ("ara",),
    "ms": ("zsm_Latn", "msa"),
}
_MARIAN_TOKEN = re.compile(r">>[A-Za-z0-9_-]+<<")


def _key(code: str) -> str:
    """``kk``, ``zh``, or ``zt`` for Traditional Chinese (as Argos spells it)."""
    key = code.strip().lower().replace("-", "_")
    if key in ("zh_hant", "zh_tw", "zh_hk"):
        return "zt"
    return key.split("_")[0]


def nllb_code(code: str) -> str | None:
    """The FLORES-200 code for an ISO 639-1 code (``kk`` -> ``kaz_Cyrl``), None if unknown."""
    return NLLB_CODES.get(_key(code))


def marian_candidates(code: str) -> list[str]:
    """Marian target tokens that may mean ``code``, most specific first."""
    key = _key(code)
    flores = nllb_code(code)
    names = [flores, flores.split("_")[0]] if flores else []
    names += [*_MARIAN_EXTRA.get(key, ()), key]
    return list(dict.fromkeys(f">>{name}<<" for name in names))


def m2m100_candidates(code: str) -> list[str]:
    """NLLB (``kaz_Cyrl``) and M2M100 (``__kk__``) tokens for ``code``."""
    flores = nllb_code(code)
    return [*([flores] if flores else []), f"__{_key(code)}__"]


def marian_token(vocabulary: Sequence[str], code: str) -> str:
    """The ``>>xxx<<`` token selecting ``code`` in a multi-target Marian vocabulary.

    A vocabulary without such tokens is a single-target model: the empty string. One with
    tokens but none for ``code`` raises ``ModelError`` (the model cannot translate into it).
    """
    known = [token for token in vocabulary if _MARIAN_TOKEN.fullmatch(token)]
    if not known:
        return ""
    present = set(known)
    for candidate in marian_candidates(code):
        if candidate in present:
            return candidate
    shown = ", ".join(known[:8]) + (", …" if len(known) > 8 else "")
    raise ModelError(
        f"the model's language tokens ({shown}) have none for {code!r} — give the right "
        "one with --source-prefix, or use a checkpoint that covers the language"
    )


def m2m100_token(vocabulary: Collection[str], code: str, option: str) -> str:
    """The NLLB/M2M100 language token for ``code``; ``option`` names the override flag."""
    tried = m2m100_candidates(code)
    for candidate in tried:
        if candidate in vocabulary:
            return candidate
    raise ModelError(
        f"no language token for {code!r} in the model's vocabulary (tried "
        f"{', '.join(tried)}) — give it with {option}"
    )


def served_languages(vocabulary: Collection[str]) -> dict[str, str]:
    """The table's languages an NLLB/M2M100 vocabulary has a token for: ``{code: token}``."""
    served: dict[str, str] = {}
    for code in NLLB_CODES:
        for candidate in m2m100_candidates(code):
            if candidate in vocabulary:
                served[code] = candidate
                break
    return served
