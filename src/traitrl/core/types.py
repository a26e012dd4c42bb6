"""Low-level types shared by every floor of traitrl: a chat message, its role, and a data split.

They live at the bottom of the package so models, graders, scenarios, tasks and evaluations can all use them
without importing each other.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Role = Literal["system", "user", "assistant"]
Split = Literal["train", "heldout"]


class Message(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    role: Role
    content: str
