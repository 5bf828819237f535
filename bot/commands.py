"""The one table of commands: it drives handler registration, /help and Telegram's command menu."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    name: str
    summary: str  # one line, shown in Telegram's menu
    example: str = ""  # shown in /help
    section: str = "Capture"
    # Long-running (a picture, a file import): handled without holding up other users' messages meanwhile.
    background: bool = False


COMMANDS: tuple[Command, ...] = (
    Command("met", "Log someone you met", "/met Jane from Acme at the editors happy hour, loves jazz", "Capture"),
    Command("note", "Add a note about someone", "/note Jane: moving to Berlin, I'll send her my contacts there"),
    Command("gave", "Log something you gave", "/gave Jane the climate tech article"),
    Command("got", "Log help you received", "/got Tom reviewed my CV"),
    Command("done", "Close a promise or thank-you", "/done Jane book"),
    Command("contacts", "Your people, most recent first", "/contacts  ·  /contacts inner  ·  /contacts #investor",
            "People"),
    Command("contact", "One person's card and timeline", "/contact Jane", "People"),
    Command("find", "Search everything you know about people", "/find lawyer  ·  /find acme  ·  /find jazz", "People"),
    Command("forget", "Delete a contact", "/forget Jane", "People"),
    Command("merge", "Make two records of one person one", "/merge Jane Doe, J. Doe", "People"),
    Command("archive", "Out of mornings and lists, kept for search", "/archive Jane  ·  /unarchive Jane", "People"),
    Command("unarchive", "Bring an archived person back", "/unarchive Jane", "People"),
    Command("map", "A picture of your network", "/map", "People", background=True),
    Command("tag", "Tag someone; /contacts #tag lists them", "/tag Jane investor  ·  /tag Jane, Sam: designers",
            "People"),
    Command("remind", "A reminder about someone, on a day", "/remind Jane 12 Jan: ask about the launch", "Coaching"),
    Command("meet", "A meeting to come: prep that morning", "/meet Carla friday 12:30  ·  lunch with Carla tmrw",
            "Coaching"),
    Command("draft", "Write a note from real context", "/draft thanks Jane  ·  /draft intro Jane Tom", "Drafts"),
    Command("today", "Today's nudges", "/today", "Coaching"),
    Command("goal", "Set what you want from your network", "/goal land a PM role at a fintech by March", "Coaching"),
    Command("goals", "Your goals: mark reached or dropped", "/goals", "Coaching"),
    Command("offer", "Something you can give others", "/offer I can review pitch decks", "Coaching"),
    Command("week", "Your weekly review", "/week", "Coaching"),
    Command("review", "When the weekly review comes", "/review sun 18:00", "Settings"),
    Command("circle", "How often to keep in touch", "/circle Jane inner", "Coaching"),
    Command("budget", "Nudges per morning", "/budget 3", "Coaching"),
    Command("timezone", "Your time zone", "/timezone Berlin", "Settings"),
    Command("morning", "When the morning message comes", "/morning 07:30", "Settings"),
    Command("pause", "Pause morning messages", "/pause", "Settings"),
    Command("resume", "Resume morning messages", "/resume", "Settings"),
    Command("export", "Download everything you told me", "/export · /export csv · /export vcf", "Your data", True),
    Command("deleteme", "Delete all your data", "/deleteme", "Your data"),
    Command("privacy", "What is stored, who can read it", "/privacy", "Your data"),
    Command("start", "What Nurture does", "/start", "Settings"),
    Command("help", "All commands", "/help", "Settings"),
)
