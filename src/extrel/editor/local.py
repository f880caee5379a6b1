"""``extrel edit`` on the editor's machine: the CMS's local backend (decap-server, a node
process writing into the region's folder), the admin page served from a temporary folder, and
the preview (``extrel serve``) beside them. Every process listens on 127.0.0.1 only and is
stopped with the command."""

from __future__ import annotations

import contextlib
import functools
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..core import cms
from ..core.languages import REQUIRED
from ..core.messages import t
from . import admin

HOST = "127.0.0.1"
STARTUP_SECONDS = 60.0
"""How long decap-server may take to listen before ``extrel edit`` gives up."""



def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def node() -> str:
    found = shutil.which("node") or shutil.which("nodejs")
    if not found:
        raise admin.MissingCMS(t("editor.no_node", cms.EDITOR_LANG))
    return found


class _Quiet(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
                      ".wasm": "application/wasm", ".json": "application/json"}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib's name
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


@dataclass
class Editor:
    """The running pieces; ``admin_url`` and ``preview_url`` are what the editor opens."""

    admin_url: str
    backend_url: str
    preview_url: str | None
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def alive(self) -> bool:
        return all(p.poll() is None for p in self.processes)


def _wait_listening(port: int, process: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(t("editor.process_ended", cms.EDITOR_LANG, what=what,
                                 code=process.returncode))
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=1):
            return
        time.sleep(0.1)
    raise RuntimeError(t("editor.process_silent", cms.EDITOR_LANG, what=what,
                         seconds=STARTUP_SECONDS))


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def run(root: Path, municipalities: Mapping[str, str], *, config_file: Path,
        preview: str | None, languages: Sequence[str] = REQUIRED, admin_port: int = 0,
        preview_port: int = 0, log: Path | None = None) -> Iterator[Editor]:
    """Start the three pieces; stop them all on leaving. Raises MissingCMS."""
    modules = admin.require_cms()
    server_js = modules / "decap-server" / "dist" / "index.js"
    if not server_js.is_file():
        raise admin.MissingCMS(admin.install_hint(modules))
    node_exe = node()
    backend_port = free_port()
    backend_url = f"http://{HOST}:{backend_port}/api/v1"
    processes: list[subprocess.Popen[bytes]] = []
    httpd: ThreadingHTTPServer | None = None
    with tempfile.TemporaryDirectory(prefix="extrel-edit-") as tmp:
        out = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 - closed below
        try:
            env = {"PATH": str(Path(node_exe).parent), "PORT": str(backend_port),
                   "BIND_HOST": HOST, "MODE": "fs", "GIT_REPO_DIRECTORY": str(root),
                   "LOG_LEVEL": "warn"}
            # cwd: a folder of its own, so that decap-server's dotenv reads no stray .env
            server = subprocess.Popen([node_exe, str(server_js)], env=env, cwd=tmp,
                                      stdout=out, stderr=out)
            processes.append(server)
            _wait_listening(backend_port, server, "decap-server")
            page = Path(tmp) / "admin"
            admin.write(page, cms.config(municipalities, local_url=backend_url,
                                         languages=languages),
                        [f"http://{HOST}:{backend_port}"])
            handler = functools.partial(_Quiet, directory=str(page))
            httpd = ThreadingHTTPServer((HOST, admin_port), handler)
            threading.Thread(target=httpd.serve_forever, daemon=True).start()
            admin_url = f"http://{HOST}:{httpd.server_address[1]}/"
            preview_url = None
            if preview:
                port = preview_port or free_port()
                shown = subprocess.Popen(
                    [sys.executable, "-m", "extrel", "serve", preview, "-f", str(config_file),
                     "-a", f"{HOST}:{port}"], cwd=root,
                    # without a log the preview's problems reach the terminal
                    stdout=out if log else None, stderr=out if log else None)
                processes.append(shown)
                _wait_listening(port, shown, "extrel serve")
                preview_url = f"http://{HOST}:{port}/"
            yield Editor(admin_url, backend_url, preview_url, processes)
        finally:
            if httpd is not None:
                httpd.shutdown()
                httpd.server_close()
            for process in reversed(processes):
                _stop(process)
            if log:
                out.close()  # type: ignore[union-attr]
