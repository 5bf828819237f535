"""/goal, /goals, /offer, /review, outcomes in notes, the rhythm question, snoozes and the pushed weekly review."""

from __future__ import annotations

from datetime import UTC, datetime

import orjson

from bot.coach.journal.delivery import MORNINGS, SNOOZES
from bot.context import services
from bot.morning.jobs import REVIEW_PREFIX, WeeklyTrigger, parse_review_time
from bot.morning.send import deliver_morning, deliver_review
from tests.conftest import User

UID = 4242


def notebook(bot):
    return services(bot.app).store.notebook(UID)


async def test_a_goal_is_set_listed_reached_and_exported(bot, user: User):
    reply = await user.say("/goal land a PM role at a fintech by March")
    assert "Goal set: <b>land a PM role at a fintech</b> (by 2027-03-31)" in reply
    listed = await user.say("/goals")
    assert "1. land a PM role at a fintech - by 2027-03-31" in listed
    reached = await user.tap("Reached 1")
    assert "You did it" in reached and "/goal" in reached  # celebrated, and asked for the next one
    assert "No goals yet" not in await user.say("/goals") and "🏁" in user.text
    await user.say("/export")
    [document] = bot.api.sent("sendDocument")
    [(_, content)] = document["files"].values()
    [goal] = orjson.loads(content)["profile"]["goals"]
    assert (goal["text"], goal["by"], goal["done_on"], goal["outcome"]) == (
        "land a PM role at a fintech",
        "2027-03-31",
        "2026-11-22",
        "reached",
    )


async def test_a_goal_can_be_dropped(bot, user: User):
    await user.say("/goal find a cofounder")
    await user.say("/goals")
    assert "Dropped: find a cofounder" in await user.tap("Drop 1")
    assert notebook(bot).profile().goals[0]["outcome"] == "dropped"


async def test_goal_without_words_explains_with_examples(user: User):
    assert "/goal raise a seed round" in await user.say("/goal")


async def test_start_asks_for_a_goal_until_there_is_one(user: User):
    assert "What do you want from your network right now?" in await user.say("/start")
    await user.say("/goal raise a seed round")
    assert "What do you want from your network right now?" not in await user.say("/start")


async def test_an_outcome_note_moves_the_goal_and_names_who_to_tell(bot, user: User):
    await user.say("/goal raise a seed round")
    await user.say("/met Sam Ortiz at the founders dinner")
    await user.say("/got Sam intro to two angels")
    reply = await user.say("/note Sam: we closed the round!")
    assert "Congratulations" in reply and "Sam helped along the way" in reply
    assert "Noted" in reply
    goal = notebook(bot).profile().goals[0]
    assert goal["outcome"] == "reached" and goal["loops"] == [notebook(bot).contacts()[0].id]


async def test_a_no_is_progress_not_the_end(bot, user: User):
    await user.say("/goal raise a seed round")
    await user.say("/met Ivan Petrov, partner at Seedcamp")
    reply = await user.say("/note Ivan: he passed")
    assert "Not this time" in reply
    assert not notebook(bot).profile().goals[0]["done_on"]


async def test_offers_are_kept_once_each(bot, user: User):
    assert "pitch decks" in await user.say("/offer I can review pitch decks")
    await user.say("/offer i can review pitch decks")
    assert notebook(bot).profile().offers == ["I can review pitch decks"]
    assert "Your offers: I can review pitch decks" in await user.say("/offer")


async def test_the_review_day_moves_and_its_job_follows(bot, user: User, clock):
    assert "Sun at 18:00" in await user.say("/review")
    assert "Sat at 10:00" in await user.say("/review saturday 10:00")
    [job] = bot.app.job_queue.get_jobs_by_name(f"{REVIEW_PREFIX}{UID}")
    fire = job.trigger.get_next_fire_time(None, clock.now())
    assert (fire.weekday(), fire.hour) == (5, 10)  # Saturday 10:00 UTC
    assert "couldn't read" in await user.say("/review someday")


def test_review_times_are_read_like_people_write_them():
    assert parse_review_time("sun") == (6, parse_review_time("sunday 18:00")[1])
    assert parse_review_time("fri 9am")[0] == 4
    assert parse_review_time("tomorrow") is None


def test_the_weekly_trigger_fires_on_its_weekday_through_dst():
    trigger = WeeklyTrigger("Europe/Berlin", 6, parse_review_time("sun 18:00")[1])
    fire = trigger.get_next_fire_time(None, datetime(2026, 3, 25, 12, 0, tzinfo=UTC))
    assert fire == datetime(2026, 3, 29, 16, 0, tzinfo=UTC)  # the clocks went forward that morning
    assert trigger.get_next_fire_time(fire, fire) == datetime(2026, 4, 5, 16, 0, tzinfo=UTC)


async def test_the_weekly_review_is_pushed_once(bot, user: User, clock):
    await user.say("/goal raise a seed round")
    await user.say("/met Sam Ortiz at the founders dinner")
    await user.say("/gave Sam the deck")
    clock.set(datetime(2026, 11, 22, 18, 0, tzinfo=UTC))
    assert await deliver_review(bot.app, UID) == "sent"
    assert await deliver_review(bot.app, UID) == "already-sent"
    [review] = [p["text"] for p in bot.api.sent() if "Your week" in p["text"]]
    assert "Gives: 1" in review and "raise a seed round" in review and "Streak: 1 week" in review


async def test_an_empty_notebook_first_morning_teaches_the_one_line_capture(bot, user: User, clock):
    await user.say("/start")
    text = await user.morning(clock, 1)
    assert "<code>met Jane from Acme at the editors happy hour" in text
    clock.set(datetime(2026, 11, 24, 8, 0, tzinfo=UTC))
    assert await deliver_morning(bot.app, UID) == "quiet"  # taught once, not every day: a quiet day sends nothing


async def test_snooze_rests_the_person_unless_only_this_one(bot, user: User, clock):
    await user.say("/met Priya Raman at Web Summit, promised to send her the Ferrazzi book")
    await user.morning(clock, 1)
    await user.tap("1 Snooze")
    await user.tap("Tomorrow")
    [key] = notebook(bot).get_state(SNOOZES)
    assert key.startswith("person:")
    await user.morning(clock, 2)
    await user.tap("1 Snooze")
    await user.tap("Only this one")
    assert any(k.startswith("followup:") or k.startswith("thank-meet:") for k in notebook(bot).get_state(SNOOZES))


async def test_a_tap_marks_the_morning_as_not_ignored(bot, user: User, clock):
    await user.say("/met Priya Raman at Web Summit, promised to send her the Ferrazzi book")
    await user.morning(clock, 1)
    await user.tap("1 Done")
    [record] = notebook(bot).get_state(MORNINGS).values()
    assert record["acted"] == [record["keys"][0]]


async def test_the_rhythm_answer_changes_the_budget_or_pauses_a_week(bot, user: User, clock):
    await user.say("/met Priya Raman at Web Summit")
    user.last = [{"reply_markup": {"inline_keyboard": [[{"text": "Fewer", "callback_data": "rhythm:fewer"}]]}}]
    assert "Fewer it is: 2 steps" in await user.tap("Fewer")
    user.last = [{"reply_markup": {"inline_keyboard": [[{"text": "Pause", "callback_data": "rhythm:pause"}]]}}]
    assert "Taking a week off" in await user.tap("Pause")
    clock.set(datetime(2026, 11, 25, 8, 0, tzinfo=UTC))
    assert await deliver_morning(bot.app, UID) == "skipped"
    clock.set(datetime(2026, 11, 29, 8, 0, tzinfo=UTC))
    assert await deliver_morning(bot.app, UID) == "quiet"  # planned again (and nothing is due that day)


async def test_an_ask_comes_with_a_draft_to_copy(bot, user: User, clock):
    await user.say("/goal land a PM role at a fintech")
    await user.say("/met Carla Diaz, PM at Monzo, at the fintech meetup")
    for line in (
        "/gave Carla the talk",
        "/note Carla: coffee near her office",
        "/note Carla: lunch",
        "/note Carla: she showed me the roadmap",
    ):
        await user.say(line)
    text = await user.morning(clock, 1)
    assert "Ask Carla for an introduction to the hiring manager for PM roles at Monzo." in text  # met in fintech
    number = text.split("🙋 Ask")[0].rsplit("<b>", 1)[1].split(".")[0]
    draft = await user.tap(f"{number} Draft")
    assert "trying to land a PM role at a fintech" in draft
    assert "introducing me to the hiring manager for PM roles at Monzo?" in draft


async def test_i_got_the_offer_said_plainly_is_celebrated_not_just_noted(bot, user: User):
    await user.say("/goal land a PM role at a fintech")
    await user.say("/met Hannah Lee at the product meetup")
    await user.say("/got Hannah told me about the opening at Monzo")
    reply = await user.say("I got the offer!")
    assert "Congratulations" in reply and "Hannah helped along the way" in reply and "Noted" not in reply


async def test_a_review_missed_while_the_bot_was_down_is_caught_up_once(bot, user: User, clock):
    from bot.morning.jobs import missed_this_review

    await user.say("/met Sam Ortiz at the founders dinner")
    profile = notebook(bot).profile()
    sunday_evening = datetime(2026, 11, 22, 18, 30, tzinfo=UTC)
    assert missed_this_review(profile, sunday_evening, delivered=False)
    assert not missed_this_review(profile, sunday_evening, delivered=True)
    assert not missed_this_review(profile, datetime(2026, 11, 23, 18, 30, tzinfo=UTC), delivered=False)  # Monday
    clock.set(sunday_evening)
    assert await deliver_review(bot.app, UID) == "sent"
    services(bot.app).store.drop(UID)  # as after a restart
    assert await deliver_review(bot.app, UID) == "already-sent"


async def test_the_celebration_asks_for_the_next_goal_on_its_own_line(user: User):
    await user.say("/goal raise a seed round")
    await user.say("/met Sam Ortiz at the founders dinner")
    await user.say("/got Sam intro to two angels")
    reply = await user.say("/note Sam: we closed the round!")
    assert "with a note ready to send.\nWhat's next?" in reply


# -- outcomes go to the goal they fit, never by guessing; ending a goal is undoable ---------------------------------


async def test_two_goals_are_listed_on_lines_of_their_own(bot, user: User, clock):
    await user.say("/goal land a PM role at a fintech by March")
    await user.say("/goal raise a seed round")
    listed = await user.say("/goals")
    assert "1. land a PM role at a fintech - by 2027-03-31\n2. raise a seed round" in listed
    week = await user.say("/week")
    assert "🎯 land a PM role at a fintech: no news this week - one small ask or give moves it\n🎯 raise" in week


async def test_an_offer_never_closes_a_goal_it_does_not_fit(bot, user: User):
    await user.say("/goal raise a seed round")
    await user.say("/met Rita Gomez at the career fair")
    reply = await user.say("/note Rita: I got the offer from Google!")
    assert "raise a seed round done" not in reply
    assert not notebook(bot).profile().goals[0]["done_on"]
    assert "Is this about one of your goals?" in reply
    labels = [label for label, _ in user.buttons]
    assert any("raise a seed round" in label for label in labels) and any("None" in label for label in labels)
    answer = await user.tap("None")
    assert "Kept as a note" in answer and not notebook(bot).profile().goals[0]["done_on"]


async def test_when_two_goals_fit_the_user_picks_one(bot, user: User):
    await user.say("/goal land a PM role at a fintech")
    await user.say("/goal land a design job in Berlin")
    await user.say("/met Hannah Lee at the product meetup")
    await user.say("/got Hannah told me about the opening at Monzo")
    reply = await user.say("/note Hannah: I got the offer!")
    assert "Which goal is it about?" in reply
    assert not any(g["done_on"] for g in notebook(bot).profile().goals)
    reached = await user.tap("land a PM role")
    assert "land a PM role at a fintech" in reached and "Congratulations" in reached
    goals = notebook(bot).profile().goals
    assert [bool(g["done_on"]) for g in goals] == [True, False]


async def test_a_second_offer_note_does_not_close_a_second_goal(bot, user: User):
    await user.say("/goal land a PM role at a fintech")
    await user.say("/goal raise a seed round")
    await user.say("/met Hannah Lee at the product meetup")
    await user.say("I got the offer!")
    again = await user.say("/note Hannah: I got the offer!")
    assert "done" not in again.split("Is this about")[0]
    goals = notebook(bot).profile().goals
    assert [bool(g["done_on"]) for g in goals] == [True, False]


async def test_reaching_a_goal_can_be_undone(bot, user: User):
    await user.say("/goal raise a seed round")
    await user.say("/met Sam Ortiz at the founders dinner")
    await user.say("/got Sam intro to two angels")
    await user.say("/note Sam: we closed the round!")
    undone = await user.tap("Undo")
    assert "raise a seed round is open again" in undone
    goal = notebook(bot).profile().goals[0]
    assert not goal["done_on"] and not goal.get("loops") and not goal.get("progress")
    await user.say("/goals")
    await user.tap("Reached 1")
    await user.tap("Undo")
    assert not notebook(bot).profile().goals[0]["done_on"]


async def test_the_coach_asks_once_whether_a_company_is_in_the_goals_field(bot, user: User, clock):
    await user.say("/goal land a PM role at a fintech")
    await user.say("/met Carla Diaz, PM at N26, at the product breakfast")
    for line in ("/gave Carla the talk", "/note Carla: coffee", "/note Carla: lunch", "/note Carla: walk"):
        await user.say(line)
    text = await user.morning(clock, 1)
    assert "nobody you know works at a fintech" not in text
    assert "Is N26 a fintech?" in text
    answer = await user.tap("Yes, a fintech")
    assert "N26 is a fintech" in answer
    assert notebook(bot).get_state("fields") == {"n26": ["fintech"]}
    later = await user.morning(clock, 2)
    assert "Ask Carla for an introduction to the hiring manager for PM roles at N26." in later
    assert "Carla works at N26, a fintech" in later


async def test_an_ask_made_is_tracked_and_followed_up_once(bot, user: User, clock):
    await user.say("/goal land a PM role at a fintech")
    await user.say("/met Carla Diaz, PM at Monzo, at the fintech meetup")
    for line in ("/gave Carla the talk", "/note Carla: coffee", "/note Carla: lunch", "/note Carla: walk"):
        await user.say(line)
    text = await user.morning(clock, 1)
    number = text.split("🙋 Ask")[0].rsplit("<b>", 1)[1].split(".")[0]
    await user.tap(f"{number} Done")
    [ask] = [p for p in notebook(bot).promises() if p.kind == "ask"]
    assert ask.due_on == "2026-11-30"  # a week on, one gentle follow-up if nothing came back
    for day in range(2, 8):
        clock.set(datetime(2026, 11, 22 + day, 8, 0, tzinfo=UTC))
        await deliver_morning(bot.app, UID)
        assert "Ask Carla" not in (bot.api.sent()[-1]["text"] if bot.api.sent() else "")
    later = await user.morning(clock, 8)
    assert "You asked Carla for an introduction to the hiring manager for PM roles at Monzo a week or so ago" in later
    answer = await user.tap("They said yes")
    assert "thank-you" in answer
    kinds = {p.kind: p.is_open for p in notebook(bot).promises()}
    assert kinds == {"ask": False, "thanks": True}
