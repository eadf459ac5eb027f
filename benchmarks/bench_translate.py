"""Benchmark: l10n's batched translator against raw CTranslate2 and against argostranslate.

    python benchmarks/bench_translate.py [--copies 1,10] [--big 100] [--repeat 3]

Builds once (cached in ``benchmarks/.cache/``) a Transformer-base-size Argos package with
random int8 weights (6+6 layers, d_model 512, FFN 2048, 8 heads, 32k vocabulary; every
output is exactly ``OUTPUT_TOKENS`` tokens, so all variants do the same decoding work),
takes the article's segments ×N, and runs each variant in its own subprocess for a clean
peak RSS:

(a) ``l10n.mt.argos.ArgosTranslator.translate`` over all segments (sorted, 16 per batch);
(b) one raw ``ctranslate2.Translator.translate_batch`` over the same token lists — the limit;
(c) ``argostranslate.translate``, paragraph by paragraph, as users call it today. Argos would
    download a MiniSBD sentence model on first use; offline, its sentencizer is replaced by
    one returning l10n's own segmentation of the paragraph, so (c) sees the same sentences.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CACHE = HERE / ".cache"
ARTICLE = REPO / "source" / "china-central-asia-article.txt"
PACKAGE = CACHE / "translate-en_xx-base.argosmodel"
OUTPUT_TOKENS = 16
MAX_DECODING_LENGTH = 256  # CTranslate2's and Argos' default, for every variant

sys.path.insert(0, str(REPO / "tests" / "fixtures"))


def argos_env() -> dict[str, str]:
    """Environment that points Argos and l10n at the benchmark's private store."""
    base = CACHE / "argos"
    return {
        **os.environ,
        "ARGOS_PACKAGES_DIR": str(base / "packages"),
        "XDG_DATA_HOME": str(base / "data"),
        "XDG_CONFIG_HOME": str(base / "config"),
        "XDG_CACHE_HOME": str(base / "cache"),
        "ARGOS_COMPUTE_TYPE": "int8",
        "ARGOS_CHUNK_TYPE": "ARGOSTRANSLATE",
    }


def ensure_model() -> None:
    """Build and install the benchmark package unless it is cached."""
    from make_model import ModelShape, make_package

    from l10n.mt import store

    os.environ.update(argos_env())
    if not PACKAGE.exists():
        print("building the Transformer-base test model (once)…", file=sys.stderr)
        shape = ModelShape(
            layers=(6, 6),
            d_model=512,
            ffn=2048,
            heads=8,
            vocab_size=32000,
            pad_vocab_to=32000,
            output_length=OUTPUT_TOKENS,
        )
        make_package(PACKAGE, "en", "xx", shape=shape, quantization="int8")
    if store.find_package("en", "xx") is None:
        store.install_package(PACKAGE)


def paragraphs() -> list[tuple[str, list[str]]]:
    """The article's translatable blocks, each with its segments (l10n's segmentation)."""
    try:
        from l10n.article.read import read_document
        from l10n.article.segment import segment_document
    except ImportError:  # before the segmenter existed: one line, one segment
        lines = [ln.strip() for ln in ARTICLE.read_text("utf-8").splitlines() if ln.strip()]
        return [(line, [line]) for line in lines]
    document = read_document(ARTICLE)
    by_block: dict[int, list[str]] = {}
    for seg in segment_document(document):
        if seg.translatable:
            by_block.setdefault(seg.block, []).append(seg.text)
    return [(" ".join(texts), texts) for texts in by_block.values()]


def peak_rss_mb() -> float:
    """This process's peak RSS (VmHWM: unlike ru_maxrss, not inherited from the parent)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(variant: str, copies: int) -> dict[str, Any]:
    """Run one variant in this process; return its measurements."""
    paras = paragraphs() * copies
    segments = [s for _, texts in paras for s in texts]
    start = time.perf_counter()
    run = {"a": _run_l10n, "b": _run_raw, "c": _run_argos}[variant]
    loaded, out_tokens = run(paras, segments)
    seconds = time.perf_counter() - loaded
    return {
        "variant": variant,
        "copies": copies,
        "segments": len(segments),
        "load": loaded - start,
        "seconds": seconds,
        "rss": peak_rss_mb(),
        "out_tokens": out_tokens,
    }


def _run_l10n(paras: list[tuple[str, list[str]]], segments: list[str]) -> tuple[float, int]:
    from l10n.mt import MTSettings
    from l10n.mt.argos import ArgosTranslator
    from l10n.mt.store import find_package

    counted = [0]

    class Counting(ArgosTranslator):
        def decode(self, batches: Any, report: Any = None, n: int = 1) -> Any:
            out = super().decode(batches, report, n)
            counted[0] += sum(len(tokens) for batch in out for tokens in batch[::n])
            return out

    pkg = find_package("en", "xx")
    assert pkg is not None
    translator = Counting(pkg, MTSettings(), max_decoding_length=MAX_DECODING_LENGTH)
    translator.translate(["Warm up."])
    counted[0] = 0
    loaded = time.perf_counter()
    translator.translate(segments)
    return loaded, counted[0]


def _run_raw(paras: list[tuple[str, list[str]]], segments: list[str]) -> tuple[float, int]:
    import ctranslate2
    import sentencepiece as spm

    from l10n.mt.argos import engine_threads
    from l10n.mt.store import find_package

    pkg = find_package("en", "xx")
    assert pkg is not None
    sp = spm.SentencePieceProcessor(model_file=str(pkg.tokenizer_path))
    inter, intra = engine_threads(0)  # l10n's threads (like for like)
    engine = ctranslate2.Translator(
        str(pkg.model_dir),
        device="cpu",
        compute_type="int8",
        inter_threads=inter,
        intra_threads=intra,
    )
    tokens = [sp.encode(s, out_type=str) for s in segments]
    engine.translate_batch([["▁Warm"]], beam_size=4)
    loaded = time.perf_counter()
    results = engine.translate_batch(
        tokens,
        max_batch_size=16,
        batch_type="examples",
        beam_size=4,
        length_penalty=0.2,
        replace_unknowns=True,
        max_decoding_length=MAX_DECODING_LENGTH,
    )
    return loaded, sum(len(r.hypotheses[0]) for r in results)


class _GivenSentences:
    """Argos sentencizer stand-in: returns l10n's segmentation (Argos' own downloads a model)."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table

    def split_sentences(self, text: str) -> list[str]:
        return self.table[text]


class _CountingEngine:
    """Wraps Argos' ctranslate2.Translator to count output tokens."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.tokens = 0

    def translate_batch(self, *args: Any, **kwargs: Any) -> Any:
        results = self.engine.translate_batch(*args, **kwargs)
        self.tokens += sum(len(r.hypotheses[0]) for r in results)
        return results


def _run_argos(paras: list[tuple[str, list[str]]], segments: list[str]) -> tuple[float, int]:
    from argostranslate import translate

    languages = {lang.code: lang for lang in translate.get_installed_languages()}
    translation: Any = languages["en"].get_translation(languages["xx"])
    package_translation = translation.underlying  # CachedTranslation -> PackageTranslation
    package_translation.sentencizer = _GivenSentences({**dict(paras), "Warm up.": ["Warm up."]})
    translation.translate("Warm up.")  # loads the model
    engine = package_translation.translator = _CountingEngine(package_translation.translator)
    loaded = time.perf_counter()
    for text, _ in paras:
        translation.translate(text)
    return loaded, engine.tokens


def run_variant(variant: str, copies: int) -> dict[str, Any]:
    """Run a variant in a fresh subprocess and parse its JSON line."""
    done = subprocess.run(
        [sys.executable, __file__, "--worker", variant, "--copies", str(copies)],
        env=argos_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"variant {variant} ×{copies} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def report(rows: list[dict[str, Any]], copies: list[int], big: int) -> None:
    """Print the table and the target ratios."""
    names = {
        "a": "(a) l10n ArgosTranslator",
        "b": "(b) raw translate_batch",
        "c": "(c) argostranslate",
    }
    print(
        f"{'variant':<26}{'copies':>7}{'segments':>9}{'load s':>8}{'run s':>8}"
        f"{'seg/s':>8}{'out tok':>9}{'peak RSS MB':>13}"
    )
    for r in rows:
        print(
            f"{names[r['variant']]:<26}{r['copies']:>7}{r['segments']:>9}{r['load']:>8.2f}"
            f"{r['seconds']:>8.2f}{r['segments'] / r['seconds']:>8.1f}{r['out_tokens']:>9}"
            f"{r['rss']:>13.0f}"
        )
    get = {(r["variant"], r["copies"]): r for r in rows}
    print()
    for n in copies:
        a, b, c = get[("a", n)], get[("b", n)], get[("c", n)]
        _target(f"×{n}: time (a)/(b)", a["seconds"] / b["seconds"], "<=", 1.10)
        _target(f"×{n}: time (c)/(a)", c["seconds"] / a["seconds"], ">=", 2.5)
    if ("a", big) in get and ("a", 1) in get:
        _target(
            f"RSS (a ×{big}) / (a ×1)", get[("a", big)]["rss"] / get[("a", 1)]["rss"], "<=", 1.5
        )


def _target(label: str, value: float, op: str, goal: float) -> None:
    ok = value <= goal if op == "<=" else value >= goal
    print(f"{label:<28}{value:6.2f}   target {op} {goal:<5} {'PASS' if ok else 'FAIL'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--worker", choices=["a", "b", "c"])
    parser.add_argument("--copies", default="1,10", help="article copies, comma-separated")
    parser.add_argument("--big", type=int, default=100, help="copies for (a) alone (0: skip)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of (a) and (b), best kept")
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, int(args.copies))))
        return 0
    ensure_model()
    copies = [int(c) for c in args.copies.split(",")]
    load = os.getloadavg()[0]
    rows = []
    for n in copies:
        # (a) and (b) interleaved, best of --repeat: the machine is shared, and other
        # processes' bursts must not land on one variant only
        runs = [run_variant(v, n) for _ in range(args.repeat) for v in "ab"]
        rows += [
            min((r for r in runs if r["variant"] == v), key=lambda r: r["seconds"]) for v in "ab"
        ]
        rows.append(run_variant("c", n))
    if args.big:
        rows.append(run_variant("a", args.big))
    report(rows, copies, args.big)
    print(
        f"\nload average before/after: {load:.2f} / {os.getloadavg()[0]:.2f} "
        f"on {os.cpu_count()} CPUs; (a) and (b) are the best of {args.repeat} runs"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
