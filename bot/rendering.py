"""The one Jinja environment for everything Nurture writes.

``templates/messages/*.html`` are what the bot says, sent with Telegram's HTML parse mode: autoescaped, so any
user text that reaches them is shown as typed. ``templates/drafts/*.txt`` are the notes the user sends on: plain
text, escaped by the handler when it is sent. User text is only ever passed *into* a template as data; it is never
compiled as one, so ``{{ 7*7 }}`` typed by a user stays ``{{ 7*7 }}``. StrictUndefined turns a missing value into an
error in tests instead of an empty slot in a message.

The templates are the ``bot.templates`` package (the repository's templates/ folder, mapped into the wheel by
setup.py) and are loaded through the import system, so the same code finds them in a wheel, pipx or a container;
a checkout run from its own folder finds the folder itself as the ``templates`` package.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

TEMPLATES_PACKAGES = ("bot.templates", "templates")  # installed; a checkout


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=_loader(),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["plural"] = plural
    return env


def _loader() -> PackageLoader:
    for package in TEMPLATES_PACKAGES:
        try:
            return PackageLoader(package, ".")
        except (ModuleNotFoundError, ValueError):
            continue
    raise RuntimeError("Nurture's templates are not installed (bot.templates)")


def render(template: str, /, **context: Any) -> str:
    """Render a template by path under templates/, e.g. ``render("messages/met.html", ...)``."""
    return environment().get_template(template).render(**context).strip()


def plural(count: int, singular: str, many: str | None = None) -> str:
    """``{{ n | plural("contact") }}`` -> "1 contact" / "3 contacts"."""
    return f"{count} {singular if count == 1 else (many or singular + 's')}"
