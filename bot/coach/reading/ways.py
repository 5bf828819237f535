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
MEALS = ("coffee", "lunch", "dinner", "breakfast", "brunch", "drinks", "beers", "happy hour")
_MEAL_SHORT = {"dinr": "dinner", "bkfst": "breakfast", "brkfst": "breakfast", "bfast": "breakfast", "hh": "happy hour"}
MEAL_WORDS = (*MEALS, *_MEAL_SHORT)  # a meal as typed, short or whole
_SAID_AS_DONE = {
    "called": "call", "phoned": "phone call", "rang": "call", "texted": "text", "emailed": "email",
    "e-mailed": "email", "messaged": "message", "dm'd": "DM", "dmd": "DM", "dm’d": "DM", "skyped": "Skype",
    "facetimed": "FaceTime", "zoomed": "Zoom", "llamó": "call",
}  # fmt: skip

_CHANNEL = re.compile(
    r"\b(?P<channel>" + "|".join(sorted(map(re.escape, _CHANNELS), key=len, reverse=True)) + r")\b"
    r"(?:\s+(?P<done>" + "|".join(map(re.escape, _DONE_ON)) + r")\b)?",
    re.IGNORECASE,
)
_CALL = re.compile(r"\b(?P<call>call|chat)\b(?!\s+(?:me|him|her|them|us|back|later|tomorrow|tmrw)\b)", re.I)
_CALL_KIND = re.compile(
    r"\b(?P<kind>" + "|".join(sorted(map(re.escape, _KINDS_OF_CALL), key=len, reverse=True)) + r")\s+$", re.I
)
_MEAL = re.compile(
    r"\b(?P<meal>" + "|".join(map(re.escape, MEAL_WORDS)) + r")\b"
    r"(?=\s+(?:(?:w/?|with|at|in|and|to)\b|@|\+)|\s*[:,-]"
    r"|\s+(?:today|yesterday|tonight|earlier|after\s+\w+)\s+(?:w/?|with)\b)",  # "Lunch today w/ Kayla", "Drinks
    re.IGNORECASE,  # after strike w/ Nadia"
)
# "Interviewed w Lisa", "online interview with Jennifer", "bunq interview was ok": an interview held, not one set
# for a day ("interview 3/18 on zoom").
_INTERVIEW = re.compile(
    r"\b(?:(?P<ikind>informational|info|phone|video|online|panel|final|first[- ]round|technical|tech|mock)\s+)?"
    r"(?:interview(?:ed)?|onsite)\b"
    r"(?!\s+(?:on\s+|is\s+|set\s+for\s+)?(?:\d|mon|tue|wed|thu|fri|sat|sun|next|tmrw|tomorrow))",
    re.IGNORECASE,
)
_VERBS_DONE = "|".join(sorted(map(re.escape, _SAID_AS_DONE), key=len, reverse=True))
# "Called Ray back", "emailed Dana", "Tony called - ...", "she texted me": the way they talked, said as done; not "a
# designer called Maya" (named).
_DONE = re.compile(r"\b(?P<verb>" + _VERBS_DONE + r")\b", re.IGNORECASE)
_DONE_OPENS = re.compile(r"(?:^|[.;!?,:)]\s*|\b(?:i|we|just|finally|also)\s+)$", re.IGNORECASE)
_DONE_AFTER_WORD = re.compile(r"[\w'’]\s+$")
_NAMED_NEXT = re.compile(r"\s+[A-Z]")


def _done(text: str) -> re.Match[str] | None:
    """The first verb of talking said as done: opening a clause ("Called Ray back"), or after a word ("Tony called -",
    "she texted me") when no name follows it ("a designer called Maya" names her)."""
    for m in _DONE.finditer(text):
        lead = text[max(0, m.start() - 12) : m.start()]
        if _DONE_OPENS.search(lead) or (_DONE_AFTER_WORD.search(lead) and not _NAMED_NEXT.match(text, m.end())):
            return m
    return None


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
# "dm convo w @sunnysidesnacks", "DMs with Kai": a direct message, on whatever app.
_DM = re.compile(r"\b(?:dm|dms)(?:\s+(?:convo|conversation|chat|thread))?\s+(?:w/?|with)\b", re.IGNORECASE)
# "mtg w Priya", "Kickoff mtg w/ Lisa", "Breakfast meeting with Sam": a meeting, of a kind when it says one.
_MEETING = re.compile(r"\b(?:meeting|mtg)\s+(?:w/?|with)\b", re.IGNORECASE)
_MEETING_KIND = re.compile(
    r"\b(?P<kind>kickoff|kick-off|parent|lunch|breakfast|board|team|1:1|one-on-one|intro|sales|client|coffee)\s+$", re.I
)
# How a channel said after "on"/"via" is spelled: the channels above, and Instagram (only ever said that way).
_SPELLED = {**_CHANNELS, "instagram": "Instagram", "insta": "Instagram", "ig": "Instagram", "e-mail": "email"}


_BEHIND = 40  # how far back the words before a call or a meal are read ("set up a quick intro call")


def _to_come(text: str, at: int) -> bool:
    return _TO_COME.search(text, max(0, at - _BEHIND), at) is not None


def way_of_meeting(text: str) -> str:
    """How the line says they met ("zoom w Omar" -> "Zoom", "quick call w/ Jo" -> "call", "coffee chat w Priya"
    -> "coffee chat", "lunch w Sam" -> "lunch", "emailed back Dana" -> "email"), the first said; "" when it does
    not say."""
    found: list[tuple[int, str]] = []
    if m := _CHANNEL.search(text):
        done = _DONE_ON.get((m.group("done") or "").lower(), "")
        found.append((m.start(), f"{_CHANNELS[m.group('channel').lower()]} {done}".strip()))
    if (m := _CALL.search(text)) and not _to_come(text, m.start()):
        called = _CALL_KIND.search(text, max(0, m.start() - _BEHIND), m.start())
        kind = called.group("kind").lower() if called else ""
        kind = "discovery" if kind == "disco" else kind  # "disco call": a discovery call
        if kind != "zoom":  # "zoom call": the channel above
            at = called.start() if called else m.start()
            found.append((at, f"{kind} {m.group('call').lower()}".strip() if kind != "quick" else "call"))
    if (m := _MEAL.search(text)) and not _to_come(text, m.start()):
        meal = m.group("meal").lower()
        found.append((m.start(), _MEAL_SHORT.get(meal, meal)))
    if m := _done(text):
        found.append((m.start(), _SAID_AS_DONE[m.group("verb").lower()]))
    if (m := _INTERVIEW.search(text)) and not _to_come(text, m.start()):
        kind = (m.group("ikind") or "").lower()
        found.append((m.start(), f"{'informational' if kind == 'info' else kind} interview".strip()))
    if m := _ON_THE_PHONE.search(text):
        how = m.group("how").lower()
        way = "phone call" if how in ("phone", "telephone") else _SPELLED.get(how, how)
        found.append((m.start(), way))
    if m := _DM.search(text):
        found.append((m.start(), "DM"))
    if m := _MEETING.search(text):
        before = _MEETING_KIND.search(text, max(0, m.start() - _BEHIND), m.start())
        kind = before.group("kind").lower().replace("kick-off", "kickoff") if before else ""
        found.append((before.start() if before else m.start(), kind if kind in ("lunch", "breakfast") else
                      f"{kind} meeting".strip()))  # fmt: skip
    return min(found)[1] if found else ""
