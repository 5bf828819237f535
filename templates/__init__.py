"""Everything Nurture says, as Jinja templates: ``messages/`` (what the bot sends) and ``drafts/`` (notes to send on).

A package only so the files install with the code and are found through the import system (bot/rendering.py loads
them with Jinja's PackageLoader), wherever Nurture is installed: the wheel carries this folder as ``bot.templates``
(setup.py), so no top-level package named ``templates`` is installed for another project's to collide with.
"""
