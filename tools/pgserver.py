"""A throwaway PostgreSQL cluster for the tests and the benchmarks: made with initdb in a folder of its own, started
on a free loopback port, trusted for local connections, gone when stopped. PostgreSQL refuses to run as root, so as
root it runs as the ``postgres`` user the system package creates.

    python tools/pgserver.py start DIR     prints the URL of a new cluster in DIR (what .ci/run exports)
    python tools/pgserver.py stop DIR

The tests use ``COACH_TEST_DATABASE_URL`` when it is set; else they start a cluster of their own (``Cluster``),
and when none can be started they are skipped, saying why, except under CI (``CI=true``), where that fails.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

SERVER_USER = "postgres"


class NoServer(Exception):
    """No PostgreSQL can be started here (and why)."""


def binaries() -> Path:
    """The folder of initdb and pg_ctl: on PATH, else the newest under /usr/lib/postgresql."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if not versions:
        raise NoServer("PostgreSQL is not installed (initdb not found; apt-get install postgresql)")
    return Path(versions[-1]).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise NoServer(f"running as root and there is no {SERVER_USER!r} user to run PostgreSQL as") from None
    return ["runuser", "-u", SERVER_USER, "--", *command]


class Cluster:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.data = self.folder / "cluster"
        self.port_file = self.folder / "port"

    @property
    def url(self) -> str:
        return f"postgresql://nurture@127.0.0.1:{self.port_file.read_text().strip()}/postgres"

    def start(self, *, durable: bool = False) -> str:
        """Start the cluster; its URL. Not ``durable`` (tests): no fsync, a crash of the machine may lose it all,
        and creating a database per test is quick. ``durable`` (benchmarks): PostgreSQL's defaults."""
        bin_dir = binaries()
        self.folder.mkdir(parents=True, exist_ok=True)
        port = free_port()
        if os.geteuid() == 0:
            server = pwd.getpwnam(SERVER_USER)
            for folder in (self.folder, *self.folder.parents):
                if folder == Path("/"):
                    break
                folder.chmod(folder.stat().st_mode | 0o711)  # the server user must reach its own folder
            os.chown(self.folder, server.pw_uid, server.pw_gid)
        run = _as_server_user
        subprocess.run(
            run([str(bin_dir / "initdb"), "-D", str(self.data), "-U", "nurture", "--auth=trust", "-E", "UTF8"]),
            check=True,
            capture_output=True,
        )
        options = f"-p {port} -k {self.folder} -c listen_addresses=127.0.0.1 -c max_connections=200"
        if not durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        subprocess.run(
            run(
                [
                    str(bin_dir / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-o",
                    options,
                    "-l",
                    str(self.folder / "log"),
                    "-w",
                    "start",
                ]
            ),
            check=True,
            capture_output=True,
        )
        self.port_file.write_text(str(port))
        return self.url

    def stop(self) -> None:
        if not self.data.exists():
            return
        subprocess.run(
            _as_server_user([str(binaries() / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"]),
            capture_output=True,
        )


def wait_for(url: str, timeout: float = 30.0) -> None:
    import psycopg

    deadline = time.monotonic() + timeout
    while True:
        try:
            psycopg.connect(url, connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        print(__doc__, file=sys.stderr)
        return 2
    cluster = Cluster(Path(argv[1]).absolute())
    if argv[0] == "stop":
        cluster.stop()
        return 0
    try:
        url = cluster.start()
    except (NoServer, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", b"") or b""
        print(f"cannot start PostgreSQL: {error} {detail.decode(errors='replace')}", file=sys.stderr)
        return 1
    wait_for(url)
    print(url)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
