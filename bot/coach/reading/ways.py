"""How they met, when a line says it: a call, a Zoom, coffee, lunch, an email, a LinkedIn message.

Where they met (meeting.context) is a place or an event ("the design meetup", "PyCon"); how is the way the
conversation happened ("zoom w Omar", "coffee chat w/ Priya", "called back Tariq", "emailed Jo"). Every writer of the
blind corpus records it, and a note reads better for it ("Great to meet you on our call yesterday"), so it is kept
apart, in its own words, and never said as a place ("at coffee chat").
"""

from __future__ import annotations

import re

# The way, as it is kept: a channel with what was done on it ("Zoom call", "LinkedIn DM"), a kind of call
# ("phone call", "coffee chat"), a meal, or a message.
_CHANNELS = {
    "zoom": "Zoom", "teams": "Teams", "google meet": "Google Meet", "gmeet": "Google Meet", "facetime": "FaceTime",
    "skype": "Skype", "discord": "Discord", "whatsapp": "WhatsApp", "slack": "Slack", "linkedin": "LinkedIn",
    "signal": "Signal", "telegram": "Telegram", "twitter spaces": "Twitter Spaces", "spaces": "Spaces",
}  # fmt: skip
_DONE_ON = {
    "call": "call", "calls": "call", "chat": "chat", "dm": "DM", "dms": "DM", "message": "message",
    "messages": "message", "msg": "message", "video": "video call", "meeting": "meeting", "mtg": "meeting",
}  # fmt: skip
_KINDS_OF_CALL = ("phone", "video", "coffee", "intro", "discovery", "disco", "sales", "consult", "follow-up",
                  "catch-up", "screening", "phone screen", "zoom", "quick", "conference", "group")  # fmt: skip
_MEALS = ("coffee", "lunch", "dinner", "breakfast", "brunch", "drinks", "beers", "happy hour")
_MEAL_SHORT = {"dinr": "dinner", "bkfst": "breakfast", "brkfst": "breakfast", "bfast": "breakfast", "hh": "happy hour"}
_SAID_AS_DONE = {
    "called": "call", "phoned": "phone call", "rang": "call", "texted": "text", "emailed": "email",
    "e-mailed": "email", "messaged": "message", "dm'd": "DM", "dmd": "DM", "dm’d": "DM", "skyped": "Skype",
    "facetimed": "FaceTime", "zoomed": "Zoom",
}  # fmt: skip

_CHANNEL = re.compile(
    r"\b(?P<channel>" + "|".join(sorted(map(re.escape, _CHANNELS), key=len, reverse=True)) + r")\b"
    r"(?:\s+(?P<done>" + "|".join(map(re.escape, _DONE_ON)) + r")\b)?",
    re.IGNORECASE,
)
_CALL = re.compile(
    r"\b(?:(?P<kind>" + "|".join(sorted(map(re.escape, _KINDS_OF_CALL), key=len, reverse=True)) + r")\s+)?"
    r"(?P<call>call|chat)\b(?!\s+(?:me|him|her|them|us|back|later|tomorrow|tmrw)\b)",
    re.IGNORECASE,
)
_MEAL = re.compile(
    r"\b(?P<meal>" + "|".join(map(re.escape, (*_MEALS, *_MEAL_SHORT))) + r")\b"
    r"(?=\s+(?:(?:w/?|with|at|in|and|to)\b|@|\+)|\s*[:,-])",
    re.IGNORECASE,
)
_VERBS_DONE = "|".join(sorted(map(re.escape, _SAID_AS_DONE), key=len, reverse=True))
# "Called Ray back", "emailed Dana", "Tony called - ...", "she texted me": the way they talked, said as done; not "a
# designer called Maya" (named).
_DONE = re.compile(
    r"(?:(?:^|[.;!?,:)]\s*|\b(?:i|we|just|finally|also)\s+)(?P<verb>" + _VERBS_DONE + r")"
    r"|\b[\w'’]+\s+(?P<their>" + _VERBS_DONE + r")(?!\s+(?-i:[A-Z])))\b",
    re.IGNORECASE,
)
# A call or a meal still to come is no way they met: "she'll call friday", "set up a call", "grab lunch next week".
_TO_COME = re.compile(
    r"(?:\bwill|['’]ll|\bto|\bgonna|\bschedul\w*|\bset(?:ting)?\s+up|\bbook(?:ed|ing)?|\bnext|\banother|\bgrab)"
    r"(?:\s+(?:a|an|the|our|some|up|him|her|them|me))*\s*$",
    re.IGNORECASE,
)
_ON_THE_PHONE = re.compile(
    r"\b(?:on|by|over|via|['’]s|her|his|their)\s+(?:the\s+)?(?P<how>phone|telephone|email|e-mail|text|whatsapp|linkedin"
    r"|signal|telegram|instagram|insta|ig)\b",
    re.IGNORECASE,
)
# "mtg w Priya", "Kickoff mtg w/ Lisa", "Breakfast meeting with Sam": a meeting, of a kind when it says one.
_MEETING = re.compile(
    r"\b(?:(?P<kind>kickoff|kick-off|parent|lunch|breakfast|board|team|1:1|one-on-one|intro|sales|client|coffee)\s+)?"
    r"(?:meeting|mtg)\s+(?:w/?|with)\b",
    re.IGNORECASE,
)
_CHANNEL_SAID = {"whatsapp": "WhatsApp", "linkedin": "LinkedIn", "signal": "Signal", "telegram": "Telegram",
                 "instagram": "Instagram", "insta": "Instagram", "ig": "Instagram"}  # fmt: skip


def way_of_meeting(text: str) -> str:
    """How the line says they met ("zoom w Omar" -> "Zoom", "quick call w/ Jo" -> "call", "coffee chat w Priya"
    -> "coffee chat", "lunch w Sam" -> "lunch", "emailed back Dana" -> "email"), the first said; "" when it does
    not say."""
    found: list[tuple[int, str]] = []
    if m := _CHANNEL.search(text):
        done = _DONE_ON.get((m.group("done") or "").lower(), "")
        found.append((m.start(), f"{_CHANNELS[m.group('channel').lower()]} {done}".strip()))
    if (m := _CALL.search(text)) and not _TO_COME.search(text, 0, m.start()):
        kind = (m.group("kind") or "").lower()
        if kind != "zoom":  # "zoom call": the channel above
            found.append((m.start(), f"{kind} {m.group('call').lower()}".strip() if kind != "quick" else "call"))
    if (m := _MEAL.search(text)) and not _TO_COME.search(text, 0, m.start()):
        meal = m.group("meal").lower()
        found.append((m.start(), _MEAL_SHORT.get(meal, meal)))
    if m := _DONE.search(text):
        verb = m.group("verb") or m.group("their")
        found.append((m.start("verb") if m.group("verb") else m.start("their"), _SAID_AS_DONE[verb.lower()]))
    if m := _ON_THE_PHONE.search(text):
        how = m.group("how").lower()
        said = "phone call" if how in ("phone", "telephone") else _CHANNEL_SAID.get(how, how.replace("e-mail", "email"))
        found.append((m.start(), said))
    if m := _MEETING.search(text):
        kind = (m.group("kind") or "").lower().replace("kick-off", "kickoff")
        found.append((m.start(), "lunch" if kind == "lunch" else "breakfast" if kind == "breakfast" else
                      f"{kind} meeting".strip()))  # fmt: skip
    return min(found)[1] if found else ""
