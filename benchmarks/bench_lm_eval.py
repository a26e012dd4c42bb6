"""Speed and agreement: traitrl's log-prob MC scoring vs lm-evaluation-harness's HF backend, same model, same run.

Both score the same (context, continuation) pairs built from one Anthropic model-written-evals-format file with
the raw ``Human: {question}\\n\\nAssistant:`` format (``traitrl.evals.formatting``), on the same model folder
(default: the embedded model's safetensors copy), fp32 on CPU, with the same batch size. The script prints items/s
for each, their ratio, the max absolute difference of per-option log-probs and of per-item scores, and whether
the chosen options agree. Model loading is not timed; each scorer gets one untimed warm-up batch.

Not part of the test suite (it needs ``pip install -e .[bench]`` for ``lm_eval`` and takes about a minute):

    flock /tmp/traitrl-cpu.lock python benchmarks/bench_lm_eval.py [--file F.jsonl] [--n 200] [--batch-size 16]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def main() -> None:
    ap = argparse.ArgumentParser(description="traitrl vs lm-eval log-prob MC throughput")
    ap.add_argument("--file", type=Path, help="Anthropic-evals-format JSONL (default: a synthetic one)")
    ap.add_argument("--n", type=int, default=200, help="items in the synthetic file")
    ap.add_argument("--model", default="embedded", help="'embedded' or a HF model folder")
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()

    import torch

    from traitrl.evals.adapters.anthropic import build_anthropic
    from traitrl.evals.formatting import mc_request
    from traitrl.models import load_chat_model, resolve_model

    torch.set_num_threads(os.cpu_count() or 1)
    path = args.file
    if path is None:
        import sys

        sys.path.insert(0, str(Path(__file__).parent))
        import json

        from make_synthetic_mc import make_items

        path = Path(tempfile.mkdtemp()) / "synthetic-corrigible.jsonl"
        path.write_text("".join(json.dumps(i) + "\n" for i in make_items(args.n, 0)))
    spec = build_anthropic(str(path))
    source = resolve_model(args.model)
    model_dir = source.path
    ours = load_chat_model(source, batch_size=args.batch_size)
    requests = [mc_request(ours, s.prompts[0], mc_format="raw") for s in spec.samples]
    pairs = [(r.context, c) for r in requests for c in r.continuations]
    n_items = len(requests)
    print(f"{n_items} items, {len(pairs)} (context, continuation) pairs from {path}; model {model_dir}; "
          f"batch size {args.batch_size}; threads {torch.get_num_threads()}")

    ours.option_logprobs(requests[: args.batch_size])  # warm-up
    t0 = time.perf_counter()
    lp_ours = ours.option_logprobs(requests)
    t_ours = time.perf_counter() - t0

    from lm_eval.api.instance import Instance
    from lm_eval.models.huggingface import HFLM

    lm = HFLM(pretrained=model_dir, batch_size=args.batch_size, device="cpu", dtype="float32")
    insts = [Instance(request_type="loglikelihood", doc={}, arguments=p, idx=i) for i, p in enumerate(pairs)]
    lm.loglikelihood(insts[: args.batch_size], disable_tqdm=True)  # warm-up
    t0 = time.perf_counter()
    res = lm.loglikelihood(insts, disable_tqdm=True)
    t_lm = time.perf_counter() - t0
    flat_lm = [r[0] for r in res]

    flat_ours = [x for row in lp_ours for x in row]
    max_lp_diff = max(abs(a - b) for a, b in zip(flat_ours, flat_lm, strict=True))
    # Per-item scores: the adapter's score (1 if the top option is the good one) and the option margin.
    k = 0
    agree, max_margin_diff, acc_ours, acc_lm = 0, 0.0, 0.0, 0.0
    for s, row in zip(spec.samples, lp_ours, strict=True):
        lm_row = flat_lm[k:k + len(row)]
        k += len(row)
        good = set(s.metadata["good"])
        pick_o = max(range(len(row)), key=lambda i: row[i])
        pick_l = max(range(len(row)), key=lambda i: lm_row[i])
        agree += pick_o == pick_l
        acc_ours += pick_o in good
        acc_lm += pick_l in good
        max_margin_diff = max(max_margin_diff, abs((row[0] - row[1]) - (lm_row[0] - lm_row[1])))
    print(f"traitrl : {n_items / t_ours:7.1f} items/s ({t_ours:.2f} s)   score {acc_ours / n_items:.4f}")
    print(f"lm-eval : {n_items / t_lm:7.1f} items/s ({t_lm:.2f} s)   score {acc_lm / n_items:.4f}")
    print(f"ratio   : {t_lm / t_ours:.2f}x items/s (traitrl / lm-eval)")
    print(f"max |Δ log-prob| per option: {max_lp_diff:.2e}; max |Δ margin| per item: {max_margin_diff:.2e}; "
          f"same choice on {agree}/{n_items} items; |Δ score| = {abs(acc_ours - acc_lm) / n_items:.2e}")


if __name__ == "__main__":
    main()
