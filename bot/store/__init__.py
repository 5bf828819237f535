"""The store: where each user's notebook lives and how its bytes reach the disk.

Owns the data folder's layout, the notebook file format (a snapshot and a log of changes, behind TinyDB's
``Storage`` seam), encryption at rest, the schema check, the records (dataclasses) and the notebook that keeps them.
It knows no coaching: what a notebook derives from its records (the digest of summary rows) is handed to it.

May import: the standard library, TinyDB, orjson, cryptography, and nothing else of ``bot``.
"""
