"""Event lexicon: trigger words (de/en), status rules from tense and modality, the PLOVER
mapping, and date compatibility of event mentions (over ``timexpr.values``). Used by ``lagebild.stages.events`` and
``lagebild.timeline``; pure data and functions, no pipeline state."""

from .modality import StatusContext, decide_status
from .timexval import compatible as dates_compatible
from .timexval import timex_interval
from .triggers import Trigger, TriggerMatch, find_triggers
from .types import CONTACT_TYPES, EVENT_TYPES, more_specific, to_plover, types_compatible

__all__ = [
    "CONTACT_TYPES",
    "EVENT_TYPES",
    "StatusContext",
    "Trigger",
    "TriggerMatch",
    "dates_compatible",
    "decide_status",
    "find_triggers",
    "more_specific",
    "timex_interval",
    "to_plover",
    "types_compatible",
]
