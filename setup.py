"""Only what pyproject.toml cannot say: the repository's templates/ ship inside the wheel as the ``bot.templates``
package (no top-level package named ``templates`` is installed). Everything else is in pyproject.toml."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["bot", "bot.*"]), "bot.templates"],
    package_dir={"bot.templates": "templates"},
    package_data={"bot.templates": ["messages/*.html", "messages/*.txt", "drafts/*.txt"]},
)
