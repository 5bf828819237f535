"""Words that are never a person's name: verbs, fillers and chat words.

A capture line starts with the person ("Sam, PM at Stripe") or with a verb ("grabbed coffee w/ sam"); reading the
verb as a name ("Grabbed Coffee W") is the worst mistake capture can make, because it invents a contact. Common
first names that are also English words (Will, Mark, Grace, May, Bill, Rob, Sue, Jack, Joy...) stay names.
"""

from __future__ import annotations


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Base forms; the -s, -ed and -ing forms are derived below (plus the irregular past forms listed separately).
_VERBS = _set(
    """be have do say go get make know think take see come want look use find give tell work call try ask need
    feel become leave put mean keep let begin seem help talk turn start show hear play run move like live
    believe hold bring happen write provide sit stand lose pay meet include continue set learn change lead
    understand watch follow stop create speak read allow add spend grow open walk win offer remember love
    consider appear buy wait serve die send expect build stay fall cut reach kill remain suggest raise pass
    sell require report decide pull return explain hope develop carry break receive agree support hit produce
    eat cover catch draw choose cause point listen realize realise place close involve thank grab chat text
    email ping message dm zoom bump introduce connect intro hang catch sync review share forward invite book
    schedule reply check plan join launch ship hire fund pitch visit see attend host organize organise present
    finish fix sort owe promise mention note log save remind forget delete update edit drop chill relax nap
    cook clean shop drive fly travel land arrive depart head rush jog swim hike bike ride train lift study
    teach coach mentor interview apply quit retire move pack unpack celebrate toast drink dine lunch brunch
    hangout hug kiss laugh cry smile wave sing dance shout argue discuss debate negotiate close sign""",
)
_IRREGULAR = _set(
    """was were been is are am being did done said went gone got gotten made knew known thought took taken saw
    seen came gave given told felt became left put meant kept let began begun seemed held brought wrote written
    sat stood lost paid met led understood spoke spoken read grew grown won bought built fell fallen sent spent
    ran caught drew drawn chose chosen broke broken ate eaten hung rode ridden flew flown drove driven swam sang
    taught thanked had has does goes says makes rang rung""",
)
_FILLERS = _set(
    """a an the and or but so if then than that this these those there here what which who whom whose why how
    when where while with without w about above after again against all also always any anyone anything
    around as at away back because before below between both by can could did do does done down during each
    else ever every everyone everything few for from further great good nice cool lovely awesome amazing fun
    hi hello hey hiya yo thanks thank thx ty obrigado obrigada gracias merci danke grazie ok okay okey k kk
    yes yeah yep yup no nope nah not lol lmao haha
    hehe omg wow ugh hmm um uh oh ah please pls plz sorry just only really very quite maybe perhaps today
    tonight tomorrow yesterday tmrw yday morning evening afternoon night week weekend month year now later
    soon still already some someone somebody something somewhere sm1 some1 smn sb my our your his her their its
    me us you him
    them it i we he she they mine yours ours one two three first last next new old other another same such
    own many much more most less least lots lot coffee coffees lunch dinner breakfast brunch drinks drink
    beers beer tea call calls zoom chat meeting meetings meetup conference conf event party team crew folks
    guys people person guy girl man woman lady dude bro friend friends colleague colleagues work office home
    gym school uni class note notes reminder todo to-do update fyi btw re fwd via thru through into onto
    over under off out up in on of to too well then even though although however anyway anyhow also via
    met meet meets meeting talked talk spoke chatted ran bumped grabbed had having got getting
    i'm i’m im i've i’ve ive i'll i’ll i'd i’d it's it’s that's that’s what's what’s let's let’s we're we’re
    you're you’re there's there’s here's here’s who's who’s how's how’s
    happy merry congrats congratulations cheers sorry busy super glad sad tired late early
    bday bdays birthday birthdays b-day
    traffic trouble problem problems issue issues bug bugs rain snow delay delays construction
    pal pals mate mates buddy lad lads missus irl
    god lord amen hallelujah praise
    abeg oya wahala chai jeez yikes welp""",
)
# Words that end a firm's name ("Ferris LLP", "Acme Ltd"): the words before them are a company, never a person.
COMPANY_SUFFIXES = _set("llp llc inc ltd plc gmbh corp co pty ag sa nv bv lp pllc pc kg oy ab as srl sarl")
# First names that are also everyday words: never rejected as filler.
NAMES_THAT_ARE_WORDS = _set(
    """will mark grace may bill rob sue jack joy ray art rose faith frank gene carol dawn summer sky hunter
    hope drew chase pat bob ben june april august sol kai cat fern basil iris ivy lily violet holly ruby
    pearl jade amber crystal olive penny rich sandy sunny misty max dash reed wade cliff dale glen heath
    lane brook river storm angel autumn winter harmony melody trinity destiny grant bond miles earl duke
    king prince victor luke tom tim dan don ken jan ada nick pete jo lou bo mo ty moe wes sid ali ash
    sage fox wolf hart hugh neil noel mike tess""",
)


def _forms(verb: str) -> set[str]:
    stem = verb[:-1] if verb.endswith("e") else verb
    double = verb + verb[-1] if len(verb) <= 4 and verb[-1] not in "aeiouwy" and verb[-2] in "aeiou" else verb
    ing = [stem + "ing", double + "ing", verb + "ing"]
    past = [verb + "d" if verb.endswith("e") else verb + "ed", double + "ed"]
    if verb.endswith("y") and verb[-2] not in "aeiou":
        past.append(verb[:-1] + "ied")
    third = [verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")]
    return {verb, *ing, *past, *third}


VERB_FORMS: frozenset[str] = frozenset({form for verb in _VERBS for form in _forms(verb)} | _IRREGULAR)
NOT_NAMES: frozenset[str] = (VERB_FORMS | _FILLERS) - NAMES_THAT_ARE_WORDS


def is_not_a_name(word: str) -> bool:
    """True for "grabbed", "coffee", "hi", "lol": words a person is never called."""
    return word.casefold().strip(".,!?'’") in NOT_NAMES
