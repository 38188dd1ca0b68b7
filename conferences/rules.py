"""Who may act on conferences' records.

The Secretariat keeps them all (``network.rules.secretariat_maintains``, declared on each model
in ``Meta.rules_permissions``); nobody else writes here, and what is public is read without a
permission. The vocabulary is described in ``network.rules``.
"""

from __future__ import annotations

from network.rules import secretariat_maintains

__all__ = ["secretariat_maintains"]
