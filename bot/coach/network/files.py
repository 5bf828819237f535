"""A contacts file the user sends, read into people: which kind of file it is, and the reader for that kind.

LinkedIn's Connections.csv, Google Contacts' CSV and Nurture's own CSV (csv_files.py), vCards from any phone or
address book (vcards.py), and Nurture's JSON backup (backups.py). Files are read as a stream with a cap on people
(incoming.py), so the work a file can cause is bounded whatever it holds.
"""

from __future__ import annotations

from bot.coach.errors import BadImportFile
from bot.coach.network.backups import read_backup
from bot.coach.network.csv_files import read_csv
from bot.coach.network.incoming import MAX_BYTES, ReadFile, encoding_of, text_stream
from bot.coach.network.vcards import read_vcards

KNOWN_KINDS = "LinkedIn's Connections.csv, vCard (.vcf), Google Contacts CSV files and Nurture backups (.json)"


def read_file(filename: str, data: bytes) -> ReadFile:
    """The people in a contacts file, or BadImportFile naming the line and the problem."""
    if len(data) > MAX_BYTES:
        raise BadImportFile(0, f"the file is {len(data) // 1_000_000} MB; I can read contact files up to 15 MB")
    head = data[:4096].decode(encoding_of(data[:4096]), errors="ignore").lstrip("\ufeff").lstrip()
    if not head.strip() and not data.strip():
        raise BadImportFile(0, "the file is empty")
    lower = filename.lower()
    if lower.endswith(".json") or head.startswith("{"):
        return read_backup(data)
    if lower.endswith((".vcf", ".vcard")) or head.upper().startswith("BEGIN:VCARD"):
        return read_vcards(text_stream(data))
    if lower.endswith((".csv", ".txt")) or "," in head.split("\n", 1)[0]:
        return read_csv(text_stream(data))
    raise BadImportFile(0, f"I can read {KNOWN_KINDS}")
