"""The real engine: an Argos Translate package run directly with CTranslate2, in batches.

Argos Translate translates one paragraph at a time and splits sentences with a model it
downloads. Here the segments are already sentences, so all the texts of a run are
tokenised once, sorted by length, translated ``batch_size`` sentences per
``translate_batch`` call, and put back in order. The decoding arguments are the ones
``argostranslate.translate.apply_packaged_translation`` uses (beam 4, length penalty 0.2,
``replace_unknowns``, the package's ``target_prefix``).

ctranslate2 and sentencepiece are imported inside functions: ``import l10n.mt.argos``
stays cheap and never imports torch or ``argostranslate.translate``. Only a package with a
BPE tokenizer (``bpe.model``, rare) needs argostranslate itself: the ``bpe`` extra.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import ModelError
from ..model import Language
from . import Batch, BatchPool, EngineSpec, ModelChoice, MTSettings, Progress
from .store import PackageInfo, find_package

DEFAULT_MAX_DECODING_LENGTH = 256  # CTranslate2's default, which Argos keeps
DECODING_PER_SOURCE_TOKEN = 3  # a long sentence may decode to this many tokens per source token


class LoadedModels:
    """CTranslate2 translators and tokenizers loaded once per package directory.

    A run holds one and gives it to every ``ArgosTranslator`` it makes, so that languages
    served by one multilingual package (NLLB for ru, kk and zh) share one loaded model.
    The tokenizers load on their own: a run that decodes on other processes (``--jobs``,
    ``--cluster``) never loads the CTranslate2 model here.
    """

    def __init__(self) -> None:
        self._engines: dict[tuple[Path, int], Any] = {}
        self._tokenizers: dict[Path, tuple[Any, Any]] = {}

    def __len__(self) -> int:
        return len(self._engines)

    def engine(self, package: PackageInfo, mt: MTSettings) -> Any:
        """The package's CTranslate2 translator, loaded on first use."""
        key = (package.path.resolve(), mt.threads)
        if key not in self._engines:
            self._engines[key] = _load_engine(package, mt)
        return self._engines[key]

    def tokenizers(self, package: PackageInfo) -> tuple[Any, Any]:
        """(source, target) tokenizers, loaded on first use (one object when they are one)."""
        key = package.path.resolve()
        if key not in self._tokenizers:
            source = _load_tokenizer(package, package.tokenizer_path)
            target = source
            if package.target_tokenizer_path != package.tokenizer_path:
                target = _load_tokenizer(package, package.target_tokenizer_path)
            self._tokenizers[key] = (source, target)
        return self._tokenizers[key]


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
        models: LoadedModels | None = None,
        pool: BatchPool | None = None,
    ) -> None:
        self.package = package
        self.mt = mt or MTSettings()
        self.source_prefix = source_prefix
        self.target_prefix = package.target_prefix if target_prefix is None else target_prefix
        self.max_decoding_length = max_decoding_length
        self.progress = progress
        self.models = models if models is not None else LoadedModels()
        self.pool = pool

    @property
    def name(self) -> str:
        """Provenance, e.g. ``argos translate-en_ru 1.9`` (plus the target prefix of a
        multilingual package: ``argos translate-en_kk-nllb 1.0 rus_Cyrl``)."""
        name = f"argos {self.package.name} {self.package.version}"
        return f"{name} {self.target_prefix}" if self.package.target_prefixes else name

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
        n = max(1, n)
        report = progress or self.progress
        results: list[list[str]] = [[text] if not text.strip() else [] for text in texts]
        todo = [i for i, text in enumerate(texts) if text.strip()]
        if not todo:
            return results
        tokens = self.tokenize([texts[i] for i in todo])
        order = sorted(range(len(todo)), key=lambda k: (len(tokens[k]), k))
        size = max(1, self.mt.batch_size)
        chunks = [order[start : start + size] for start in range(0, len(order), size)]
        outputs = self.decode([[tokens[k] for k in chunk] for chunk in chunks], report, n)
        for chunk, batch in zip(chunks, outputs, strict=True):
            for j, k in enumerate(chunk):
                results[todo[k]] = [self.detokenize(h) for h in batch[j * n : (j + 1) * n]]
        if report is not None and len(todo) < len(texts):
            report(len(texts) - len(todo))
        return results

    def decode(
        self, batches: list[Batch], report: Progress | None = None, n: int = 1
    ) -> list[Batch]:
        """Each batch through the engine: here, or on the pool's workers when there is more
        than one batch (the same batches either way, so the same output).

        Here, every batch is handed to CTranslate2 at once (``asynchronous``): with
        ``threads = 0`` the engine decodes several of them side by side, one core each
        (:func:`engine_threads`), and the results are taken in order.
        With ``n`` > 1 each text has ``n`` rows in its output batch: its hypotheses, best first.
        """
        if self.pool is not None and len(batches) > 1:
            return self.pool.map_batches(self.spec(n), batches, report)
        submitted = [self._submit(batch, n) for batch in batches]
        outputs = []
        for batch, pending in zip(batches, submitted, strict=True):
            outputs.append(_rows(self._collect(pending), n))
            if report is not None:
                report(len(batch))
        return outputs

    def translate_rows(self, batch: Batch, n: int) -> Batch:
        """``n`` hypotheses per text, flattened (a short list padded with its last one)."""
        return _rows(self.translate_tokens_nbest(batch, n), n)

    def spec(self, n: int = 1) -> EngineSpec:
        """What a worker needs to decode for this translator (``n`` hypotheses per text)."""
        return EngineSpec(
            package=self.package.name,
            version=self.package.version,
            path=str(self.package.path),
            mt=self.mt,
            target_prefix=self.target_prefix,
            max_decoding_length=self.max_decoding_length,
            num_hypotheses=n,
        )

    def tokenize(self, texts: Sequence[str]) -> list[list[str]]:
        """Source token lists, with the source prefix token (``>>kaz_Cyrl<<``) when set."""
        tokenizer = self.models.tokenizers(self.package)[0]
        prefix = [self.source_prefix] if self.source_prefix else []
        return [prefix + list(tokenizer.encode(text)) for text in texts]

    def translate_tokens(self, batch: list[list[str]]) -> list[list[str]]:
        """One ``translate_batch`` call; returns the best hypothesis without target prefix."""
        return [hypotheses[0] for hypotheses in self.translate_tokens_nbest(batch, 1)]

    def translate_tokens_nbest(self, batch: list[list[str]], n: int) -> list[list[list[str]]]:
        """One ``translate_batch`` call: the ``n`` best hypotheses, without target prefix.

        The beam is widened to ``n`` when it is narrower. Decoding stops at
        ``max_decoding_length`` tokens, or later for a batch whose longest source would need
        more (``DECODING_PER_SOURCE_TOKEN`` each): a long sentence is never silently cut short.
        """
        return self._collect(self._submit(batch, n))

    def _submit(self, batch: list[list[str]], n: int) -> list[Any]:
        """Hand ``batch`` to the engine; its results, to be waited for (:meth:`_collect`)."""
        engine = self.models.engine(self.package, self.mt)
        prefix = [[self.target_prefix]] * len(batch) if self.target_prefix else None
        longest = max((len(tokens) for tokens in batch), default=0)
        limit = max(self.max_decoding_length, DECODING_PER_SOURCE_TOKEN * longest + 1)
        try:
            return list(
                engine.translate_batch(
                    batch,
                    target_prefix=prefix,
                    max_batch_size=0,
                    beam_size=max(self.mt.beam_size, n),
                    num_hypotheses=n,
                    length_penalty=self.mt.length_penalty,
                    replace_unknowns=True,
                    max_decoding_length=limit,
                    asynchronous=True,
                )
            )
        except (RuntimeError, ValueError) as err:
            raise self._failed(err) from err

    def _collect(self, pending: list[Any]) -> list[list[list[str]]]:
        try:
            results = [result.result() for result in pending]
        except (RuntimeError, ValueError) as err:
            raise self._failed(err) from err
        return [[self._unprefixed(h) for h in result.hypotheses] for result in results]

    def _failed(self, err: Exception) -> ModelError:
        return ModelError(
            f"translation failed: {err} — check that the package is intact",
            path=self.package.model_dir,
        )

    def _unprefixed(self, hypothesis: list[str]) -> list[str]:
        tokens = list(hypothesis)
        if self.target_prefix and tokens[:1] == [self.target_prefix]:
            return tokens[1:]
        return tokens

    def detokenize(self, tokens: list[str]) -> str:
        """Text from target tokens, decoded with the target SentencePiece model (which
        also handles byte fallback pieces)."""
        return str(self.models.tokenizers(self.package)[1].decode(tokens)).strip()


class _SentencePiece:
    """The package's SentencePiece model (no Argos wrapper: it turns ``_`` into spaces)."""

    def __init__(self, path: str) -> None:
        import sentencepiece as spm

        self.processor = spm.SentencePieceProcessor(model_file=path)

    def encode(self, text: str) -> list[str]:
        return list(self.processor.encode(text, out_type=str))

    def decode(self, tokens: list[str]) -> str:
        return str(self.processor.decode_pieces(tokens))


def _load_tokenizer(package: PackageInfo, path: Path) -> Any:
    try:
        if package.tokenizer == "bpe":
            bpe = _bpe_tokenizer_class(package)(path, package.from_code, package.to_code)
            bpe.lazy_load()
            return bpe
        return _SentencePiece(str(path))
    except (OSError, RuntimeError, ValueError, ImportError) as err:
        raise ModelError(
            f"cannot load the tokenizer: {err} — reinstall the package", path=path
        ) from err


def _bpe_tokenizer_class(package: PackageInfo) -> Any:
    """Argos' Moses + BPE tokenizer, which the lean install leaves out (``l10n[bpe]``)."""
    try:
        from argostranslate.tokenizer import BPETokenizer
    except ImportError as err:
        raise ModelError(
            "the package uses a BPE tokenizer (bpe.model), which needs argostranslate — "
            "run `pip install 'l10n[bpe]'`",
            path=package.path,
        ) from err
    return BPETokenizer


MAX_REPLICAS = 4
"""``threads = 0``: at most this many batches decoded side by side (each holds its own
working memory, and CTranslate2 gives each its own copy of the weights)."""


def engine_threads(threads: int, cores: int | None = None) -> tuple[int, int]:
    """``(inter_threads, intra_threads)`` for CTranslate2.

    ``threads = 0``: every core, as several batches decoded side by side, one core each
    (up to :data:`MAX_REPLICAS`; more cores go to each batch). On 2 cores this decodes
    batches of 16 about 1.6 times as fast as one batch at a time on both cores, with the
    same output. ``threads = N``: one batch at a time on N cores.
    """
    if threads:
        return 1, threads
    cores = cores or os.cpu_count() or 1
    inter = min(cores, MAX_REPLICAS)
    return inter, max(1, cores // inter)


def _rows(hypotheses: list[list[list[str]]], n: int) -> Batch:
    """Each text's ``n`` hypotheses as ``n`` rows (a short list padded with its last one)."""
    if n == 1:
        return [found[0] for found in hypotheses]
    rows: Batch = []
    for found in hypotheses:
        rows += (found + found[-1:] * n)[:n]
    return rows


def _load_engine(package: PackageInfo, mt: MTSettings) -> Any:
    import ctranslate2

    inter, intra = engine_threads(mt.threads)
    try:
        return ctranslate2.Translator(
            str(package.model_dir),
            device="cpu",
            compute_type="int8",
            inter_threads=inter,
            intra_threads=intra,
        )
    except (RuntimeError, ValueError, OSError) as err:
        raise ModelError(
            f"cannot load the CTranslate2 model: {err} — reinstall the package",
            path=package.model_dir,
        ) from err


def check_package(package: PackageInfo) -> None:
    """Raise ``ModelError`` when the package lacks its model or tokenizer files."""
    needed = (package.model_dir / "model.bin", package.tokenizer_path)
    for need in (*needed, package.target_tokenizer_path):
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
    models: LoadedModels | None = None,
    pool: BatchPool | None = None,
) -> ArgosTranslator | None:
    """The translator for English → ``lang``, or None when no model is installed for it.

    A model the user chose (``choice``, from ``[tool.l10n.models.<lang>]``) that is missing
    or broken raises ``ModelError`` instead: the user asked for it. Translators given the
    same ``models`` share the loaded model of a package they both use.
    """
    package = find_package("en", lang.mt_code, choice)
    if package is None:
        return None
    check_package(package)
    return ArgosTranslator(
        package,
        mt,
        source_prefix=choice.source_prefix if choice else "",
        target_prefix=target_prefix_for(lang, package, choice),
        progress=progress,
        models=models,
        pool=pool,
    )


def target_prefix_for(lang: Language, package: PackageInfo, choice: ModelChoice | None) -> str:
    """The configured target prefix, else the one a multilingual package declares for the
    language, else the package's own. A multilingual package that declares none for the
    language raises ``ModelError``: its default prefix would translate into another one."""
    if choice is not None and choice.target_prefix:
        return choice.target_prefix
    declared = dict(package.target_prefixes).get(lang.mt_code)
    if declared is not None:
        return declared
    if package.target_prefixes and lang.mt_code != package.to_code:
        raise ModelError(
            f"the package serves several languages but declares no target prefix for "
            f"{lang.code} — set target-prefix in [tool.l10n.models.{lang.code}]",
            path=package.path,
        )
    return package.target_prefix
