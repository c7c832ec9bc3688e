"""Our event types, how they group for merging, and how they map to PLOVER.

PLOVER (Open Event Data Alliance, manual draft 0.8, 2021) is the reference ontology for the
export: our types are coarser and news-oriented, so the mapping depends on the status too
(an announced meeting is PLOVER AGREE "express intent to meet", a held one CONSULT; anything
whose status is ``threatened`` is THREATEN with our type as the mode).

``protest`` (demonstrations, rallies, marches, labour strikes, blockades, boycotts) is PLOVER
PROTEST, its mode ("demonstrate", "strike", "boycott", "obstruct") given by the trigger word.
``disaster`` (earthquakes, floods, storms, fires, accidents, collapses, crashes) has no PLOVER
event: PLOVER codes what political actors do to each other, and a flood or a train crash has
no source actor, so ``to_plover`` returns None for it. It is a type of its own all the same
because a timeline shows it and story clustering needs it to tell events apart.

``legal`` (court rulings and verdicts, charges and indictments, arrests, opened investigations,
raids) is coded from the trigger word: an arrest is COERCE "arrest", a raid COERCE "seize",
charges and investigations ACCUSE "investigate". A ruling or verdict has no clean PLOVER event:
a court deciding a case is neither an accusation (that was the charge) nor coercion (that is the
sentence being carried out), and PLOVER's actor-to-actor codes have no "adjudicate", so
``to_plover`` returns None for it rather than force a wrong code.
A cyberattack is an ``attack`` whose PLOVER mode is "cyber" (set by its trigger word).
"""

from __future__ import annotations

EVENT_TYPES: tuple[str, ...] = (
    "meeting",
    "summit",
    "phone_call",
    "visit",
    "negotiation",
    "agreement",
    "statement",
    "threat",
    "sanction",
    "tariff",
    "deadline",
    "aid_or_arms_supply",
    "attack",
    "election_or_appointment",
    "protest",
    "disaster",
    "legal",
    "other",
)

# Face-to-face or remote contact between actors. A sentence reports at most one contact
# event per status ("Bei seinem Besuch in Kiew traf Merz Selenskyj" is one visit), and
# across documents these types may merge (the "meeting" of one outlet is the "summit" of
# another). Higher rank = more specific, wins when mentions are merged.
# Rank = how much a type says about the form of the contact: "talks" (negotiation) says least,
# so a merged event whose mentions say "met" and "talks" is a meeting.
CONTACT_TYPES: dict[str, int] = {
    "negotiation": 1,
    "meeting": 2,
    "visit": 3,
    "phone_call": 4,
    "summit": 5,
}

# Pairs of types that may describe the same real-world event across outlets.
_COMPATIBLE: set[frozenset[str]] = {
    frozenset({"sanction", "tariff"}),
    frozenset({"threat", "sanction"}),
    frozenset({"threat", "tariff"}),
    frozenset({"threat", "attack"}),
    frozenset({"negotiation", "agreement"}),
}


def types_compatible(a: str, b: str) -> bool:
    """Could mentions typed ``a`` and ``b`` be the same real-world event?"""
    if a == b:
        return True
    if a in CONTACT_TYPES and b in CONTACT_TYPES:
        # A phone call is never the in-person meeting another outlet reports.
        return "phone_call" not in (a, b)
    return frozenset({a, b}) in _COMPATIBLE


def more_specific(a: str, b: str) -> str:
    """The type a merged event should carry when its mentions disagree."""
    ra, rb = CONTACT_TYPES.get(a, 0), CONTACT_TYPES.get(b, 0)
    if ra or rb:
        return a if ra >= rb else b
    # A concrete measure beats the generic threat/statement/other it was announced with.
    generic = ("other", "statement", "threat", "negotiation")
    if a in generic and b not in generic:
        return b
    return a


# PLOVER 2021 event names (draft 0.8). The gold-standard records in PLOVER_GSR_CAMEO use
# the older 0.5 names; ``PLOVER_05_TO_2021`` translates them.
PLOVER_EVENTS: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE",
    "REQUEST", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
)
PLOVER_05_TO_2021: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

# our type -> (PLOVER event, mode, context) for an event that happened.
_PLOVER_OCCURRED: dict[str, tuple[str, str, str]] = {
    "meeting": ("CONSULT", "", "diplomatic"),
    "summit": ("CONSULT", "third-party", "diplomatic"),
    "phone_call": ("CONSULT", "phone", "diplomatic"),
    "visit": ("CONSULT", "visit", "diplomatic"),
    "negotiation": ("CONSULT", "", "diplomatic"),
    "agreement": ("AGREE", "", "diplomatic"),
    "threat": ("THREATEN", "", ""),
    "sanction": ("SANCTION", "restrict", "economic"),
    "tariff": ("SANCTION", "restrict", "economic"),
    "deadline": ("THREATEN", "relations", "diplomatic"),  # CAMEO 139 "give ultimatum"
    "aid_or_arms_supply": ("AID", "", "military"),
    "attack": ("ASSAULT", "", "military"),
    "protest": ("PROTEST", "demonstrate", "political"),
}
# Types PLOVER has no event for, whatever the status (see the module docstring).
_NOT_PLOVER: frozenset[str] = frozenset({"disaster"})


def to_plover(our_type: str, status: str, trigger_code: str = "") -> tuple[str, str, str] | None:
    """(event, mode, context) for an event of ``our_type`` with ``status``; None = not codable.

    ``trigger_code`` is the PLOVER event the trigger lexicon attached to the trigger word (used
    for statements and ``other``: "forderte" is REQUEST, "kritisierte" ACCUSE). Denied and
    uncertain events are not coded: PLOVER records events that happened or were announced.
    A trigger code may carry a mode after a colon ("PROTEST:strike"); it is used for protests,
    attacks ("ASSAULT:cyber") and legal events ("COERCE:arrest").
    Disasters are never coded: nobody did them to anybody; nor are court rulings (no code).
    """
    if status in ("denied", "uncertain") or our_type in _NOT_PLOVER:
        return None
    trigger_code, _, trigger_mode = trigger_code.partition(":")
    base = _PLOVER_OCCURRED.get(our_type)
    if our_type == "protest" and base is not None and trigger_mode:
        base = (base[0], trigger_mode, base[2])
    if our_type == "attack" and base is not None and trigger_code == "ASSAULT" and trigger_mode:
        base = (base[0], trigger_mode, "" if trigger_mode == "cyber" else base[2])
    if our_type == "legal":
        # only the codes the legal lexicon gives; a ruling carries none (see the docstring),
        # and a word re-read out of its context ("raided" alone reads as an attack) is no code
        # (the legal lexicon's codes always carry a mode: a bare "ACCUSE" is "verurteilte" read
        # as a condemnation, without the court that made it a sentence)
        base = (trigger_code, trigger_mode, "") if trigger_code in ("COERCE", "ACCUSE") and trigger_mode else None
        if base is None:
            return None
    if our_type in ("statement", "other", "election_or_appointment"):
        base = (trigger_code, "", "") if trigger_code else None
    if status == "threatened":
        mode = base[1] if base and base[0] != "THREATEN" else ""
        context = base[2] if base else ""
        return ("THREATEN", mode or our_type, context)
    if base is None:
        return None
    if status in ("planned", "proposed") and base[0] in ("CONSULT", "AID", "SANCTION", "ASSAULT"):
        # Intent, not action: CAMEO 03x "express intent to ..." is PLOVER AGREE.
        return ("AGREE", our_type, base[2])
    return base


# PLOVER (2021 names) -> the set of our types a correct coder may produce for it; used by
# bench/events.py to score type accuracy on the PLOVER gold-standard records.
PLOVER_TO_OURS: dict[str, frozenset[str]] = {
    "AGREE": frozenset({"agreement"}),
    "CONSULT": frozenset(CONTACT_TYPES),
    "SUPPORT": frozenset({"statement", "agreement"}),
    "COOPERATE": frozenset({"agreement", "other"}),
    "AID": frozenset({"aid_or_arms_supply"}),
    "CONCEDE": frozenset({"other", "agreement"}),
    "RETREAT": frozenset({"other", "agreement"}),
    "ACCUSE": frozenset({"statement", "other", "legal"}),
    "REQUEST": frozenset({"statement"}),
    "REJECT": frozenset({"statement"}),
    "THREATEN": frozenset({"threat"}),
    "PROTEST": frozenset({"protest", "other"}),
    "MOBILIZE": frozenset({"other"}),
    "SANCTION": frozenset({"sanction", "tariff"}),
    "COERCE": frozenset({"other", "sanction", "legal"}),
    "ASSAULT": frozenset({"attack"}),
}


def matches_plover(plover_event: str, our_type: str, status: str) -> bool:
    """Whether an event we extracted is a correct reading of a PLOVER-coded event.

    PLOVER codes intent, demand, rejection and threat as events of their own (AGREE "express
    intent to meet", REQUEST, REJECT, THREATEN); we code them as the event concerned with a
    status (a planned or proposed meeting, a denied one, a threatened sanction), so those
    PLOVER events are matched on status as well as type.
    """
    event = PLOVER_05_TO_2021.get(plover_event, plover_event)
    if our_type in PLOVER_TO_OURS.get(event, frozenset()):
        return True
    if event == "AGREE":
        return status in ("planned", "proposed")
    if event == "REQUEST":
        return status == "proposed"
    if event == "REJECT":
        return status == "denied"
    if event == "THREATEN":
        return status == "threatened"
    return False
