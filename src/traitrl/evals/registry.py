"""Finding, listing and instantiating benchmarks: built-ins, public-format adapters, suites, quick profile.

A benchmark reference is ``NAME[?key=value&key=value]``. ``NAME`` is a built-in (``traitrl benchmarks list``)
or ``KIND:SOURCE`` for a public-format adapter (``anthropic-evals``, ``truthfulqa``, ``bbq``, ``xstest``,
``healthbench``, ``strongreject``, ``mask``, ``mc``). Values are parsed as JSON when possible (``n=200``,
``flag=true``) and kept as strings otherwise. The arguments actually used — the factory's defaults merged with
the given ones — are recorded with every run.

Suites: ``default`` = every built-in that runs offline (not judge-scored); ``judge`` = the judge-scored
built-ins; ``all`` = both; ``category:NAME`` = the built-ins of one category.

The quick profile keeps at most 50 items of option-scored benchmarks (log-prob MC, calibration, consistency)
and 20 of generation-scored ones, chosen by a RNG seeded with the benchmark name only — so every quick run of
every model sees the same items and runs stay comparable item by item.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from traitrl.core.errors import UserError
from traitrl.core.keys import content_key
from traitrl.evals.api import CATEGORY_MINIMUMS, REGISTRY, BenchmarkSpec, Sample

OPTION_SCORING = ("logprob_mc", "calibration", "consistency")
QUICK_OPTION_ITEMS = 50
QUICK_GENERATION_ITEMS = 20
SUITES = ("default", "judge", "all")


@dataclass
class BenchmarkRef:
    """A benchmark name plus the arguments given for it."""

    name: str
    args: dict[str, Any] = field(default_factory=dict)

    @property
    def is_adapter(self) -> bool:
        # Against the loaded registry: built-ins such as ``scenarios:heldout`` also have a colon, and REGISTRY is
        # empty until something loads it (the study's ETA once took the held-out scenarios for an adapter).
        return ":" in self.name and self.name not in load_builtins()


@dataclass
class LoadedBenchmark:
    """A benchmark ready to run: its spec, the samples to score, the arguments it was built with, and its
    version — the content key of every item it builds (before the quick profile or a limit picks a subset) and
    of how they are scored, so the version changes exactly when the items or the scoring rule do."""

    spec: BenchmarkSpec
    samples: list[Sample]
    args: dict[str, Any]
    n_total: int
    version: str

    def record(self) -> dict[str, Any]:
        """What a run stores about this benchmark."""
        from traitrl.evals.api import chance_level

        chance = chance_level(self.spec, self.samples) if self.samples else self.spec.chance
        out = {
            "version": self.version, "args": self.args, "category": self.spec.category,
            "scoring": self.spec.scoring, "chance": chance, "higher_is_better": self.spec.higher_is_better,
            "n_items": len(self.samples), "n_total": self.n_total, "kind": getattr(self.spec, "kind", "builtin"),
        }
        source = getattr(self.spec, "source", "")
        if source:  # provenance only: the name is the data's digest
            out["source"] = source
            out["display"] = f"{out['kind']}:{Path(source).name or source}"
        return out


def items_version(spec: BenchmarkSpec, samples: list[Sample]) -> str:
    """Content key of a benchmark's items and scoring rule."""
    return content_key({"scoring": spec.scoring, "chance": spec.chance, "higher_is_better": spec.higher_is_better,
                        "items": [s.model_dump(mode="json") for s in samples]})


def _parse_value(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def parse_ref(text: str) -> BenchmarkRef:
    """Parse ``NAME[?key=value&...]``."""
    name, _, query = text.strip().partition("?")
    if not name:
        raise UserError(f"empty benchmark name in {text!r}")
    args = {k: _parse_value(v) for k, v in parse_qsl(query, keep_blank_values=True)}
    return BenchmarkRef(name=name, args=args)


def load_builtins() -> dict[str, BenchmarkSpec]:
    """Import every built-in benchmark module and return the registry.

    Modules in ``traitrl.evals.builtin`` register themselves on import; we import the package and then every
    public submodule, so a new module is picked up without editing a list.
    """
    import traitrl.evals.builtin as pkg

    for info in pkgutil.iter_modules(pkg.__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{pkg.__name__}.{info.name}")
    return REGISTRY


def list_specs(category: str | None = None) -> list[BenchmarkSpec]:
    """Registered built-in benchmarks, sorted by category then name."""
    specs = [s for s in load_builtins().values() if category is None or s.category == category]
    return sorted(specs, key=lambda s: (list(CATEGORY_MINIMUMS).index(s.category), s.name))


def suite_names(suite: str) -> list[str]:
    """Names of the built-in benchmarks of a suite."""
    specs = list_specs()
    if suite == "default":
        return [s.name for s in specs if not s.requires_judge]
    if suite == "judge":
        return [s.name for s in specs if s.requires_judge]
    if suite == "all":
        return [s.name for s in specs]
    if suite.startswith("category:"):
        cat = suite.removeprefix("category:")
        if cat not in CATEGORY_MINIMUMS:
            raise UserError(f"unknown category {cat!r}; use one of {', '.join(CATEGORY_MINIMUMS)}")
        return [s.name for s in specs if s.category == cat]
    raise UserError(f"unknown suite {suite!r}; use one of {', '.join(SUITES)} or category:NAME")


def factory_args(spec: BenchmarkSpec, given: dict[str, Any]) -> dict[str, Any]:
    """The factory's keyword defaults merged with the given arguments; unknown arguments are an error."""
    params = inspect.signature(spec.factory).parameters
    takes_kwargs = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    unknown = [k for k in given if k not in params and not takes_kwargs]
    if unknown:
        known = ", ".join(p for p in params) or "none"
        raise UserError(f"benchmark {spec.name!r} has no argument(s) {', '.join(unknown)} (known: {known})")
    defaults = {k: p.default for k, p in params.items() if p.default is not inspect.Parameter.empty}
    return {**spec.default_args, **defaults, **given}


def get_spec(ref: BenchmarkRef) -> tuple[BenchmarkSpec, dict[str, Any]]:
    """Resolve a reference to a spec and the arguments its samples are built with."""
    registry = load_builtins()
    if ref.name in registry:
        spec = registry[ref.name]
        return spec, factory_args(spec, ref.args)
    if ":" in ref.name:
        from traitrl.evals.adapters import ADAPTERS

        kind, _, source = ref.name.partition(":")
        if kind not in ADAPTERS:
            raise UserError(f"unknown adapter {kind!r} in {ref.name!r}; adapters: {', '.join(sorted(ADAPTERS))}")
        if not source:
            raise UserError(f"{ref.name!r}: give a source after the colon (a local file or a HF dataset id)")
        build = ADAPTERS[kind].build
        try:
            adapted = build(source, **ref.args)
        except TypeError as err:
            raise UserError(f"{ref.name!r}: bad adapter arguments ({err})") from None
        return adapted, dict(adapted.default_args)
    raise UserError(f"unknown benchmark {ref.name!r}; see `traitrl benchmarks list`, or use KIND:SOURCE for a "
                     "public-format file")


def subsample(samples: list[Sample], k: int, key: str) -> list[Sample]:
    """At most ``k`` samples, chosen deterministically from ``key``, in their original order."""
    if len(samples) <= k:
        return list(samples)
    keep = sorted(random.Random(f"quick/{key}").sample(range(len(samples)), k))
    return [samples[i] for i in keep]


def quick_size(spec: BenchmarkSpec) -> int:
    """Items kept by the quick profile for this benchmark's scoring method."""
    return QUICK_OPTION_ITEMS if spec.scoring in OPTION_SCORING else QUICK_GENERATION_ITEMS


def load_benchmark(ref: BenchmarkRef | str, quick: bool = False, limit: int | None = None) -> LoadedBenchmark:
    """Build a benchmark's samples, apply the quick profile and an item limit, and check ids are unique."""
    if isinstance(ref, str):
        ref = parse_ref(ref)
    spec, args = get_spec(ref)
    if ref.is_adapter:
        samples = list(getattr(spec, "samples", []))
    else:
        try:
            samples = spec.factory(**args)
        except TypeError as err:
            raise UserError(f"benchmark {spec.name!r}: bad arguments {args} ({err})") from None
    n_total = len(samples)
    version = items_version(spec, samples)
    ids = [s.id for s in samples]
    if len(set(ids)) != len(ids):
        seen: set[str] = set()
        dup = next(i for i in ids if i in seen or seen.add(i))  # type: ignore[func-returns-value]
        raise UserError(f"benchmark {spec.name!r} has duplicate sample id {dup!r}; results could not be resumed")
    if quick:
        samples = subsample(samples, quick_size(spec), spec.name)
    if limit is not None:
        samples = samples[: max(limit, 0)]
    return LoadedBenchmark(spec=spec, samples=samples, args=args, n_total=n_total, version=version)


def describe(spec: BenchmarkSpec, with_items: bool = True) -> dict[str, Any]:
    """A JSON-able description of a built-in benchmark (item count and chance from its default samples)."""
    from traitrl.evals.api import chance_level

    out: dict[str, Any] = {
        "name": spec.name, "category": spec.category, "domains": spec.domains,
        "scoring": spec.scoring, "higher_is_better": spec.higher_is_better, "requires_judge": spec.requires_judge,
        "offline": not spec.requires_judge, "description": spec.description,
    }
    if with_items:
        samples = spec.factory(**factory_args(spec, {}))
        out["version"] = items_version(spec, samples)
        out["n_items"] = len(samples)
        out["chance"] = chance_level(spec, samples) if samples else spec.chance
    else:
        out["chance"] = spec.chance
    return out
