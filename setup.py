"""Only what pyproject.toml cannot say: the repository's templates/ ship inside the wheel as the ``bot.templates``
package (no top-level package named ``templates`` is installed), with the data files the code reads. Everything else
is in pyproject.toml."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["bot", "bot.*"]), "bot.templates"],
    package_dir={"bot.templates": "templates"},
    package_data={
        "bot.templates": ["messages/*.html", "messages/*.txt", "drafts/*.txt"],
        # GeoNames' cities of 15,000 people or more, the fields places.py reads (tools/make_gazetteer.py; CC BY 4.0).
        # DejaVu Sans for the network map's names (its licence beside it).
        # The people tagger's model (tools/train_people_tagger.py, from tests/corpus/blind's tuning parts).
        "bot": ["coach/reading/cities.tsv.gz", "coach/reading/people.crfsuite", "coach/network/fonts/*"],
    },
)
