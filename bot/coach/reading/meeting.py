"""What a capture line says: the people it names (each with what the line says about them alone), and the
meeting: when, where, who introduced you, and what you learned. How sure the reading is, too."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bot.coach.reading.notes import Facts, PromiseItem

HINT = "/met Jane Doe at the editors happy hour - loves jazz"
MAX_TEXT = 2000  # longer messages are cut: a capture is a line, and the cap bounds the work per message
MAX_NAME_CHARS = 80
MAX_PEOPLE = 60  # read them all: the handler asks before saving more than ASK_ABOVE_PEOPLE
ASK_ABOVE_PEOPLE = 8
MAX_NAME_WORDS = 6
MAX_PHRASE_WORDS = 12


@dataclass
class PersonMention:
    """A person named in a capture line, as typed (tidied), with what the line says about them alone."""

    name: str
    company: str = ""
    role: str = ""
    title: str = ""  # "Dr", "Prof": kept apart from the name
    link_to: str = ""  # "Jane" in "Jane's husband Mark" (another person in the line, or someone already known)
    link_as: str = ""  # "husband"
    # False: link_as is who this person is to link_to ("Jane's husband Mark": Mark). True: who link_to is to this
    # person ("Jane ... her son Paco", Paco not met: Jane, with Paco as her son).
    link_theirs: bool = False
    facts: Facts = field(default_factory=Facts)  # interests, needs, offers, birthday, wins said about this person
    met_at: str = ""  # "the devops meetup" in "Arjun from the devops meetup": where you know them from
    said: str = field(default="", compare=False)  # the clauses about them, in a line naming several people


@dataclass
class Meeting:
    """What one capture line says: who, when, where, who introduced you, and what you learned."""

    people: list[PersonMention]
    when: date
    context: str = ""  # "the editors happy hour", "PyCon"
    way: str = ""  # how they met: "Zoom call", "coffee", "email" (ways.py); never said as a place
    introduced_by: str = ""  # "Sam"
    facts: Facts = field(default_factory=Facts)  # the whole line's facts: promises (with due dates) and the rest
    notes: str = ""  # free text that is not one of the clauses above (facts are read from it, and stay in it)
    mentioned: list[str] = field(default_factory=list)  # named but not met: "Jae" in "Jae's boss Minji"

    @property
    def people_facts(self) -> bool:
        """Whether each person carries their own facts (a parsed line) rather than only the line's (older data)."""
        return any(p.facts for p in self.people)

    def promises_of(self, person: PersonMention) -> list[PromiseItem]:
        """The promises ``person`` is party to: the user's to them and theirs to the user ("I'll send Lee the deck"
        is Lee's, not everyone's). A promise the line makes to no one in particular is made to each of them."""
        if not self.people_facts:
            return [*self.facts.promise_items, *self.facts.their_items]
        held = {p.text for other in self.people for p in (*other.facts.promise_items, *other.facts.their_items)}
        orphans = [p for p in (*self.facts.promise_items, *self.facts.their_items) if p.text not in held]
        return [*person.facts.promise_items, *person.facts.their_items, *orphans]

    def said_of(self, person: PersonMention) -> str:
        """The words to learn ``person``'s facts from: in a line about several people, the clauses about them ("1)
        Aisha from Gong, SDR mgr 2) Mei Lin, founder, needs SDR help": the need is Mei Lin's, not Aisha's; "Raj and his
        cofounder Mei, Raj needs a lawyer": nothing of Mei's); the whole line when it is about one person, or when no
        clause was given to anyone (older data)."""
        return person.said if len(self.people) > 1 and any(p.said for p in self.people) else self.notes

    def is_future(self, today: date) -> bool:
        """ "lunch with Vik tmrw": not a meeting yet, so the bot asks instead of logging it."""
        return self.when > today


@dataclass
class Understood:
    """How sure Nurture is that a chat line is a capture: "meeting" (say it: met, coffee w/, ran into...), "maybe"
    (a name and a clue but no verb: ask "Log a meeting with Sam?") or "none" (chat; ``meeting`` is None)."""

    kind: str
    meeting: Meeting | None = None
