"""Scale-out configs are well-formed for accelerate, and vLLM / multi-process settings pass through to TRL."""

from __future__ import annotations

from pathlib import Path

import pytest
from accelerate.commands.config.config_args import ClusterConfig
from accelerate.utils import DistributedType

from traitrl.rl.config import validate_config
from traitrl.rl.train import grpo_args, grpo_kwargs

ACCEL = Path(__file__).resolve().parents[2] / "configs" / "accelerate"


def test_accelerate_configs_parse() -> None:
    multi = ClusterConfig.from_yaml_file(str(ACCEL / "multi_gpu.yaml"))
    assert multi.distributed_type == DistributedType.MULTI_GPU and multi.mixed_precision == "bf16"
    zero2 = ClusterConfig.from_yaml_file(str(ACCEL / "deepspeed_zero2.yaml"))
    assert zero2.distributed_type == DistributedType.DEEPSPEED
    assert zero2.deepspeed_config["zero_stage"] == 2


def test_vllm_and_report_to_pass_through() -> None:
    args = grpo_args(validate_config({"use_vllm": True, "vllm_mode": "server", "report_to": ["tensorboard"]}), False)
    assert args.use_vllm and args.vllm_mode == "server" and args.report_to == ["tensorboard"]
    assert not args.gradient_checkpointing and not args.shuffle_dataset


def test_batch_is_split_over_processes() -> None:
    cfg = validate_config({"prompts_per_step": 4, "generations_per_prompt": 4})
    assert grpo_kwargs(cfg, False, world_size=4)["per_device_train_batch_size"] == 4
    assert grpo_kwargs(cfg, False, world_size=1)["per_device_train_batch_size"] == 16
    with pytest.raises(ValueError, match="divide evenly"):
        grpo_kwargs(cfg, False, world_size=3)


def test_trl_overrides_reach_grpo_config() -> None:
    args = grpo_args(validate_config({"trl_overrides": {"loss_type": "dr_grpo", "top_p": 0.9}}), False)
    assert args.loss_type == "dr_grpo" and args.top_p == 0.9
