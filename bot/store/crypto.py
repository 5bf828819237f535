"""Encryption at rest: with ``COACH_DATA_KEY`` set, every line of every notebook file is sealed with AES-256-GCM.

A notebook file is a snapshot line followed by appended change lines (see storage.py). Encryption keeps that
shape, line by line, so saving still appends one fsynced line and a torn last line is still simply dropped:

    E1.<key id>.<head size>.<line size>.<head>.<body>\\n     the snapshot: two sealed segments
    E1.<key id>.<change>\\n                                   one sealed segment per appended line

- ``E1`` is the format (version 1). A plaintext notebook starts with ``{``, so the two never mix up.
- ``key id``: 8 hex digits of a hash of the key. It says *which* key a file needs without revealing it, so a
  missing or wrong key is a clear start-up error (``DataKeyError``), never a notebook taken for damaged and set
  aside. Only when the key matches and a segment still fails to authenticate is the file damaged.
- ``head`` is the snapshot's readable head, digest and state (what ``read_head`` needs for morning planning),
  ``body`` the rest of the records: ``read_head`` decrypts only the head segment, whose size (``head size``, 12
  digits) and the whole line's (``line size``, 12 digits) sit in the fixed 38-byte prefix.
- A segment is base64url(nonce 12 bytes + ciphertext + 16-byte tag), never containing ``.`` or a newline. Its
  associated data names the file's owner (the user id the file is named after) and its role (head, body, log):
  a segment copied into another user's file, or moved between roles, does not open. The body is also bound to
  its head's nonce, so a head and a body from different snapshots do not pair up.
- Not covered: someone who can write the data folder can roll a file back to an older copy of itself. The key
  protects what the files say from whoever reads the disk or a backup, not the files' freshness.

The sizes kept by storage (snapshot size, log size, what a torn tail dropped) are plaintext sizes: ``open_file``
turns a sealed file into exactly the bytes the plaintext format would hold, so storage's logic is unchanged.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
import secrets
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO, NamedTuple, TypeVar

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"E1."
KEY_BYTES = 32
NONCE_BYTES = 12
_ID_LEN = 8
_PREFIX_LEN = len(MAGIC) + _ID_LEN + 1 + 12 + 1 + 12 + 1  # E1.<id>.<head size>.<line size>.
_LINE_PREFIX_LEN = len(MAGIC) + _ID_LEN + 1
_KEY_ID = re.compile(rf"[0-9a-f]{{{_ID_LEN}}}")
T = TypeVar("T")
UNFINISHED = b"!"  # stands for a tail that does not open, in the plaintext given back (no newline: dropped)


class DataKeyError(Exception):
    """The data folder and COACH_DATA_KEY do not go together: encrypted without a key, with another key, or not
    encrypted although a key is set. Always a start-up error naming what to do, never a damaged notebook."""


class Damaged(ValueError):
    """A sealed line that does not open with the right key: the file is damaged (or was tampered with)."""


class Sealed(NamedTuple):
    key_id: str | None  # None: a plaintext notebook


def generate_key() -> str:
    """A new random key, in the form COACH_DATA_KEY takes (44 characters of base64url)."""
    return base64.urlsafe_b64encode(secrets.token_bytes(KEY_BYTES)).decode()


def key_id_of(key: bytes) -> str:
    return hashlib.sha256(b"nurture data key id\0" + key).hexdigest()[:_ID_LEN]


def sealed_with(first_bytes: bytes) -> Sealed:
    """Which key a file needs, from its first bytes (at least 12)."""
    if first_bytes.startswith(MAGIC):
        return Sealed(first_bytes[len(MAGIC) : len(MAGIC) + _ID_LEN].decode("ascii", "replace"))
    return Sealed(None)


def file_key(path: str | os.PathLike[str]) -> Sealed:
    with open(path, "rb") as handle:
        return sealed_with(handle.read(_LINE_PREFIX_LEN))


def owner_of(path: str | os.PathLike[str]) -> str:
    """The name a file's segments are bound to: the user id it is named after (``4242.json`` -> ``4242``).
    Copies set aside (``4242.json.unreadable-…``) and backups keep it."""
    return os.path.basename(os.fspath(path)).split(".", 1)[0]


class Codec:
    """Seals and opens the lines of notebook files with one key (AES-256-GCM)."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError(f"a data key is {KEY_BYTES} bytes")
        self._aead = AESGCM(key)
        self.key_id = key_id_of(key)
        self._id = self.key_id.encode()

    @classmethod
    def from_text(cls, text: str) -> Codec:
        """From the COACH_DATA_KEY form (see ``generate_key``); ValueError says what is wrong."""
        try:
            key = base64.urlsafe_b64decode(text.strip().encode("ascii"))
        except (binascii.Error, UnicodeEncodeError):
            raise ValueError("not base64url") from None
        if len(key) != KEY_BYTES:
            raise ValueError(f"{len(key)} bytes instead of {KEY_BYTES}")
        return cls(key)

    # -- sealing --------------------------------------------------------------------------------------------------

    def seal_snapshot(self, plain: bytes, head_len: int, owner: str) -> bytes:
        """A plaintext snapshot line (ending in a newline) whose first ``head_len`` bytes are its head."""
        body = plain[:-1] if plain.endswith(b"\n") else plain
        head_nonce = secrets.token_bytes(NONCE_BYTES)
        head = self._seal(body[:head_len], _aad(owner, b"head"), head_nonce)
        rest = self._seal(body[head_len:], _aad(owner, b"body", head_nonce))
        total = _PREFIX_LEN + len(head) + 1 + len(rest) + 1
        prefix = MAGIC + self._id + b"." + f"{len(head):012d}.{total:012d}.".encode()
        return prefix + head + b"." + rest + b"\n"

    def seal_line(self, plain: bytes, owner: str) -> bytes:
        """One appended change line (ending in a newline)."""
        body = plain[:-1] if plain.endswith(b"\n") else plain
        return MAGIC + self._id + b"." + self._seal(body, _aad(owner, b"log")) + b"\n"

    # -- opening --------------------------------------------------------------------------------------------------

    def open_file(self, raw: bytes, owner: str) -> bytes:
        """A whole sealed file as the plaintext format would hold it. A torn or unopenable tail becomes an
        unfinished piece (no newline), which storage drops and rewrites, as with plaintext."""
        if not raw.strip():
            return raw
        self.require_own(raw[:_LINE_PREFIX_LEN])
        lines = raw.split(b"\n")
        if len(lines) < 2:
            raise Damaged("the snapshot line is unfinished")
        out = [self.open_snapshot(lines[0], owner) + b"\n"]
        torn = lines[-1]
        for line in lines[1:-1]:
            try:
                out.append(self.open_line(line, owner) + b"\n")
            except (Damaged, DataKeyError):
                torn = UNFINISHED
                break
        if torn:
            out.append(UNFINISHED)
        return b"".join(out)

    def open_snapshot(self, line: bytes, owner: str) -> bytes:
        head_len, total = self._prefix(line)
        if total != len(line) + 1:
            raise Damaged("the snapshot line has the wrong length")
        head_seg = line[_PREFIX_LEN : _PREFIX_LEN + head_len]
        rest_seg = line[_PREFIX_LEN + head_len + 1 :]
        head = self._open(head_seg, _aad(owner, b"head"))
        nonce = _nonce_of(head_seg)
        return head + self._open(rest_seg, _aad(owner, b"body", nonce))

    def open_line(self, line: bytes, owner: str) -> bytes:
        self.require_own(line[:_LINE_PREFIX_LEN])
        return self._open(line[_LINE_PREFIX_LEN:], _aad(owner, b"log"))

    def read_head(self, handle: BinaryIO, owner: str) -> tuple[bytes, bytes]:
        """From an open file: the snapshot's head segment opened, and the log after the snapshot opened (what
        ``open_file`` would give for it). Reads the head segment and the log, never the body."""
        prefix = handle.read(_PREFIX_LEN)
        head_len, total = self._prefix(prefix)
        head_seg = handle.read(head_len)
        head = self._open(head_seg, _aad(owner, b"head"))
        handle.seek(total)
        tail = handle.read()
        opened = []
        for line in tail.split(b"\n")[:-1]:
            try:
                opened.append(self.open_line(line, owner) + b"\n")
            except (Damaged, DataKeyError):
                break
        return head, b"".join(opened)

    def require_own(self, prefix: bytes) -> None:
        sealed = sealed_with(prefix)
        if sealed.key_id is None:
            raise DataKeyError("this notebook is not encrypted, but COACH_DATA_KEY is set")
        if sealed.key_id != self.key_id:
            raise DataKeyError(f"this notebook needs the key with id {sealed.key_id}, not {self.key_id}")

    # -- internals ------------------------------------------------------------------------------------------------

    def _prefix(self, line: bytes) -> tuple[int, int]:
        self.require_own(line[:_LINE_PREFIX_LEN])
        sizes = line[_LINE_PREFIX_LEN:_PREFIX_LEN]
        if len(sizes) != 26 or sizes[12:13] != b"." or not sizes[:12].isdigit() or not sizes[13:25].isdigit():
            raise Damaged("the snapshot prefix is malformed")
        return int(sizes[:12]), int(sizes[13:25])

    def _seal(self, plain: bytes, aad: bytes, nonce: bytes | None = None) -> bytes:
        nonce = nonce or secrets.token_bytes(NONCE_BYTES)
        return base64.urlsafe_b64encode(nonce + self._aead.encrypt(nonce, plain, aad))

    def _open(self, segment: bytes, aad: bytes) -> bytes:
        try:
            sealed = base64.urlsafe_b64decode(segment)
            return self._aead.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)
        except (binascii.Error, InvalidTag, ValueError):
            raise Damaged("a sealed line does not open: damaged or tampered with") from None


def _aad(owner: str, role: bytes, bound_to: bytes = b"") -> bytes:
    return b"nurture|" + owner.encode() + b"|" + role + b"|" + bound_to


def _nonce_of(segment: bytes) -> bytes:
    try:
        return base64.urlsafe_b64decode(segment)[:NONCE_BYTES]
    except (binascii.Error, ValueError):
        raise Damaged("a sealed segment is not base64") from None


def reseal(raw: bytes, old: Codec | None, new: Codec | None, owner: str, head_len_of: Callable[[bytes], int]) -> bytes:
    """A whole file under another key (``None``: plaintext), line by line. A torn or unopenable tail is left
    out, as every reader would drop it anyway. Raises DataKeyError when ``old`` is not the file's key."""
    plain = old.open_file(raw, owner) if old is not None else _require_plain(raw)
    if new is None:
        return plain[: plain.rfind(b"\n") + 1]
    lines = plain.split(b"\n")
    out = [new.seal_snapshot(lines[0] + b"\n", head_len_of(lines[0]), owner)]  # storage.head_length
    out.extend(new.seal_line(line + b"\n", owner) for line in lines[1:-1])
    return b"".join(out)


def _require_plain(raw: bytes) -> bytes:
    sealed = sealed_with(raw[:_LINE_PREFIX_LEN])
    if sealed.key_id is not None:
        raise DataKeyError(f"this notebook is encrypted (key id {sealed.key_id}), but no old key was given")
    return raw


# -- the data folder as a whole ---------------------------------------------------------------------------------

REKEY_JOURNAL = ".rekey"  # in the data folder while `nurture rotate-key` runs: the key id it is moving to


def check_folder(data_dir: Path, codec: Codec | None) -> list[Path]:
    """Raise DataKeyError, saying what to do, when the notebooks in ``data_dir`` do not go with ``codec`` (the key is
    missing, wrong, or set on plaintext notebooks). Returns the notebooks that alone do not go with it while the
    others do: one file's damaged prefix, or one under a key of its own, is that notebook's problem (the caller sets
    it aside), never a reason to stop the bot for everyone.

    Reads the first bytes of each notebook (the key id), not the notebooks: cheap at every start-up. Files set
    aside as unreadable are not notebooks and are not looked at."""
    if (data_dir / REKEY_JOURNAL).exists():
        raise DataKeyError(
            "a key rotation (nurture rotate-key) was interrupted: run it again with the same COACH_DATA_KEY and "
            "COACH_NEW_DATA_KEY to finish it, then start the bot with the new key"
        )
    users = data_dir / "users"
    found = (
        (path, file_key_bytes(path))
        for path in (users.glob("*.json") if users.is_dir() else ())
        if path.name.split(".")[0].isdigit() and path.stat().st_size
    )
    return sorted(check_keys(found, codec, str(users)))


def file_key_bytes(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(_LINE_PREFIX_LEN)


def check_keys(found: Iterable[tuple[T, bytes]], codec: Codec | None, place: str) -> list[T]:
    """``check_folder`` for any place: ``found`` gives each notebook (whatever names it) with its first bytes."""
    expected = codec.key_id if codec else None
    seen: Counter[str | None] = Counter()
    misfits: list[T] = []
    fitting = 0
    for item, first in found:
        key_id = sealed_with(first).key_id
        if key_id == expected:
            fitting += 1
        elif key_id is not None and not _KEY_ID.fullmatch(key_id):
            misfits.append(item)  # not a key id at all: the notebook's first bytes are damaged
        else:
            seen[key_id] += 1
            misfits.append(item)
    if not seen or fitting:
        return misfits
    (key_id, count), *_ = seen.most_common(1)
    where = f"{count} notebook{'s' if count > 1 else ''} in {place}"
    were = "were" if count > 1 else "was"
    if codec is None:
        raise DataKeyError(
            f"{where} {'are' if count > 1 else 'is'} encrypted (key id {key_id}) but COACH_DATA_KEY is not set: "
            "set it to the key they were written with"
        )
    if key_id is None:
        raise DataKeyError(
            f"{where} {'are' if count > 1 else 'is'} not encrypted although COACH_DATA_KEY is set: encrypt them "
            "first with `COACH_NEW_DATA_KEY=<the key> nurture rotate-key` with COACH_DATA_KEY empty, or unset "
            "COACH_DATA_KEY"
        )
    raise DataKeyError(
        f"COACH_DATA_KEY (key id {codec.key_id}) is not the key {where} {were} encrypted with (key id {key_id}): "
        "set the right key. Nothing was read or changed"
    )
