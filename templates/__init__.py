"""Everything Nurture says, as Jinja templates: ``messages/`` (what the bot sends) and ``drafts/`` (notes to send on).

A package only so the files install with the code and are found through the import system (bot/rendering.py loads
them with Jinja's PackageLoader), wherever Nurture is installed. It is a regular package on purpose: a folder named
``templates`` in the directory someone starts the bot from (a web project's, say) cannot shadow it.
"""
