"""The real engine: an Argos Translate package run directly with CTranslate2, in batches.

Argos Translate translates one paragraph at a time and splits sentences with a model it
downloads. Here the segments are already sentences, so all the texts of a run are
tokenised once, sorted by length, translated ``batch_size`` sentences per
``translate_batch`` call, and put back in order. The decoding arguments are the ones
``argostranslate.translate.apply_packaged_translation`` uses (beam 4, length penalty 0.2,
``replace_unknowns``, the package's ``target_prefix``).

ctranslate2 and sentencepiece are imported inside functions: ``import l10n.mt.argos``
stays cheap and never imports torch or ``argostranslate.translate``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import ModelError
from ..model import Language
from . import ModelChoice, MTSettings, Progress
from .store import PackageInfo, find_package

DEFAULT_MAX_DECODING_LENGTH = 256  # CTranslate2's default, which Argos keeps
DECODING_PER_SOURCE_TOKEN = 3  # a long sentence may decode to this many tokens per source token


class ArgosTranslator:
    """Translator protocol over one Argos package; the model is loaded once, on first use."""

    def __init__(
        self,
        package: PackageInfo,
        mt: MTSettings | None = None,
        *,
        source_prefix: str = "",
        target_prefix: str | None = None,
        max_decoding_length: int = DEFAULT_MAX_DECODING_LENGTH,
        progress: Progress | None = None,
    ) -> None:
        self.package = package
        self.mt = mt or MTSettings()
        self.source_prefix = source_prefix
        self.target_prefix = package.target_prefix if target_prefix is None else target_prefix
        self.max_decoding_length = max_decoding_length
        self.progress = progress
        self._engine: Any = None
        self._tokenizer: Any = None

    @property
    def name(self) -> str:
        """Provenance, e.g. ``argos translate-en_ru 1.9``."""
        return f"argos {self.package.name} {self.package.version}"

    def translate(self, texts: Sequence[str], *, progress: Progress | None = None) -> list[str]:
        """Translate all ``texts`` in length-sorted batches; one output per input, in order.

        Blank texts are returned unchanged without going through the model.
        """
        return [outs[0] for outs in self.translate_nbest(texts, 1, progress=progress)]

    def translate_nbest(
        self, texts: Sequence[str], n: int, *, progress: Progress | None = None
    ) -> list[list[str]]:
        """The ``n`` best hypotheses of each text (``num_hypotheses``), best first.

        Beam search already holds them: the beam is widened to ``n`` if it is narrower, and
        the cost over :meth:`translate` is the detokenising. Blank texts come back as they are.
        """
        report = progress or self.progress
        results: list[list[str]] = [[text] if not text.strip() else [] for text in texts]
        todo = [i for i, text in enumerate(texts) if text.strip()]
        if not todo:
            return results
        tokens = self.tokenize([texts[i] for i in todo])
        order = sorted(range(len(todo)), key=lambda k: (len(tokens[k]), k))
        size = max(1, self.mt.batch_size)
        for start in range(0, len(order), size):
            chunk = order[start : start + size]
            batch = [tokens[k] for k in chunk]
            outputs = (
                self.translate_tokens_nbest(batch, n)
                if n > 1
                else [[best] for best in self.translate_tokens(batch)]
            )
            for k, hypotheses in zip(chunk, outputs, strict=True):
                results[todo[k]] = [self.detokenize(h) for h in hypotheses]
            if report is not None:
                report(len(chunk))
        if report is not None and len(todo) < len(texts):
            report(len(texts) - len(todo))
        return results

    def tokenize(self, texts: Sequence[str]) -> list[list[str]]:
        """Source token lists, with the source prefix token (``>>kaz_Cyrl<<``) when set."""
        tokenizer = self._load()[1]
        prefix = [self.source_prefix] if self.source_prefix else []
        return [prefix + list(tokenizer.encode(text)) for text in texts]

    def translate_tokens(self, batch: list[list[str]]) -> list[list[str]]:
        """One ``translate_batch`` call; returns the best hypothesis without target prefix."""
        return [hypotheses[0] for hypotheses in self.translate_tokens_nbest(batch, 1)]

    def translate_tokens_nbest(self, batch: list[list[str]], n: int) -> list[list[list[str]]]:
        """One ``translate_batch`` call: the ``n`` best hypotheses, without target prefix.

        The beam is widened to ``n`` when it is narrower.

        Decoding stops at ``max_decoding_length`` tokens, or later for a batch whose longest
        source would need more (``DECODING_PER_SOURCE_TOKEN`` each): a long sentence is never
        silently cut short.
        """
        engine = self._load()[0]
        prefix = [[self.target_prefix]] * len(batch) if self.target_prefix else None
        longest = max((len(tokens) for tokens in batch), default=0)
        limit = max(self.max_decoding_length, DECODING_PER_SOURCE_TOKEN * longest + 1)
        try:
            results = engine.translate_batch(
                batch,
                target_prefix=prefix,
                max_batch_size=0,
                beam_size=max(self.mt.beam_size, n),
                num_hypotheses=n,
                length_penalty=self.mt.length_penalty,
                replace_unknowns=True,
                max_decoding_length=limit,
            )
        except (RuntimeError, ValueError) as err:
            raise ModelError(
                f"translation failed: {err} — check that the package is intact",
                path=self.package.model_dir,
            ) from err
        return [[self._unprefixed(h) for h in result.hypotheses] for result in results]

    def _unprefixed(self, hypothesis: list[str]) -> list[str]:
        tokens = list(hypothesis)
        if self.target_prefix and tokens[:1] == [self.target_prefix]:
            return tokens[1:]
        return tokens

    def detokenize(self, tokens: list[str]) -> str:
        """Text from target tokens (SentencePiece decode handles byte fallback pieces)."""
        return str(self._load()[1].decode(tokens)).strip()

    def _load(self) -> tuple[Any, Any]:
        if self._engine is None:
            self._tokenizer = _load_tokenizer(self.package)
            self._engine = _load_engine(self.package, self.mt)
        return self._engine, self._tokenizer


class _SentencePiece:
    """The package's SentencePiece model (no Argos wrapper: it turns ``_`` into spaces)."""

    def __init__(self, path: str) -> None:
        import sentencepiece as spm

        self.processor = spm.SentencePieceProcessor(model_file=path)

    def encode(self, text: str) -> list[str]:
        return list(self.processor.encode(text, out_type=str))

    def decode(self, tokens: list[str]) -> str:
        return str(self.processor.decode_pieces(tokens))


def _load_tokenizer(package: PackageInfo) -> Any:
    path = package.tokenizer_path
    try:
        if package.tokenizer == "bpe":
            from argostranslate.tokenizer import BPETokenizer

            bpe = BPETokenizer(path, package.from_code, package.to_code)
            bpe.lazy_load()
            return bpe
        return _SentencePiece(str(path))
    except (OSError, RuntimeError, ValueError, ImportError) as err:
        raise ModelError(
            f"cannot load the tokenizer: {err} — reinstall the package", path=path
        ) from err


def _load_engine(package: PackageInfo, mt: MTSettings) -> Any:
    import ctranslate2

    try:
        return ctranslate2.Translator(
            str(package.model_dir),
            device="cpu",
            compute_type="int8",
            inter_threads=1,
            intra_threads=mt.threads,
        )
    except (RuntimeError, ValueError, OSError) as err:
        raise ModelError(
            f"cannot load the CTranslate2 model: {err} — reinstall the package",
            path=package.model_dir,
        ) from err


def check_package(package: PackageInfo) -> None:
    """Raise ``ModelError`` when the package lacks its model or tokenizer files."""
    for need in (package.model_dir / "model.bin", package.tokenizer_path):
        if not need.is_file():
            raise ModelError(
                f"broken package: {need.name} is missing — reinstall it with "
                "`l10n models install FILE.argosmodel`",
                path=package.path,
            )


def load_translator(
    lang: Language,
    mt: MTSettings,
    choice: ModelChoice | None = None,
    *,
    progress: Progress | None = None,
) -> ArgosTranslator | None:
    """The translator for English → ``lang``, or None when no model is installed for it.

    A model the user chose (``choice``, from ``[tool.l10n.models.<lang>]``) that is missing
    or broken raises ``ModelError`` instead: the user asked for it.
    """
    package = find_package("en", lang.mt_code, choice)
    if package is None:
        return None
    check_package(package)
    return ArgosTranslator(
        package,
        mt,
        source_prefix=choice.source_prefix if choice else "",
        target_prefix=choice.target_prefix or None if choice else None,
        progress=progress,
    )
