# `mkdocs serve` while the site cannot be built (broken data, or a page or template error): every request gets a plain
# page listing the problems (zh and en), which reloads by itself once a rebuild succeeds. Without this, mkdocs 1.6.1
# exits when the first build fails, and after a failed rebuild it holds every page request until one succeeds.
# `mkdocs build` is untouched: it still aborts and writes nothing.
from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands import serve as serve_command
from mkdocs.exceptions import MkDocsException

log = logging.getLogger("mkdocs.hooks.portal")


@dataclass
class Failure:
    problems: list[str]  # file:line:col field: message of each problem in data/ (empty: the cause is elsewhere)
    message: str  # what the build said


class ServeState:
    """The outcome of the last build in this `mkdocs serve` process (None: it succeeded)."""

    def __init__(self, root: Path):
        self.root = root
        self.failure: Failure | None = None
        self.code = self._code_times()  # Python already imported: a change needs a restart, which we say

    def _code_times(self) -> dict:
        return {p: p.stat().st_mtime_ns for p in (self.root / "macros").rglob("*.py")}

    def guard(self, build):
        """`build` that records a failure instead of raising it, so that `mkdocs serve` keeps serving."""

        def guarded_build(config, **kwargs):
            changed = sorted(
                p.relative_to(self.root).as_posix() for p, t in self._code_times().items() if self.code.get(p) != t
            )
            if changed:
                log.warning(
                    f"{', '.join(changed)} changed since mkdocs serve started: the rebuild still runs the "
                    "code loaded then; restart mkdocs serve for the change to take effect"
                )
            try:
                build(config, **kwargs)
            # Whatever stops the build is shown and the server lives on: mkdocs-macros ends a failed page with
            # exit() (SystemExit), which would otherwise end `mkdocs serve` itself. Ctrl+C still stops it.
            except (Exception, SystemExit) as exc:
                if isinstance(exc, SystemExit):  # the plugin logged what failed
                    message = f"the build stopped (exit code {exc.code}): a page or macro failed"
                else:
                    if not isinstance(exc, MkDocsException):  # mkdocs logged its own errors; a bug needs its traceback
                        log.error(traceback.format_exc())
                    message = str(exc) or type(exc).__name__
                self.failure = Failure(self._data_problems(), message)
                log.error("The site could not be rebuilt: every page shows the problems until a rebuild succeeds.")
            else:
                self.failure = None

        return guarded_build

    def _data_problems(self) -> list[str]:
        from macros.data.errors import DataError
        from macros.data.portal import load_portal

        try:
            load_portal(self.root)
        except DataError as exc:
            return [str(p) for p in exc.problems]
        return []

    def page(self) -> bytes:
        from macros.render.render import environment
        from macros.views import language

        failure = self.failure or Failure([], "")
        return (
            environment(language.ORIGINAL)
            .get_template("serve_error.html")
            .render(problems=failure.problems, message=failure.message)
            .encode("utf-8")
        )

    def app(self, server):
        """The server's WSGI application, answering the error page while the last build failed."""
        serve_request = server.serve_request

        def application(environ, start_response):
            if not environ.get("PATH_INFO", "").startswith("/livereload/"):
                with server._epoch_cond:  # a rebuild under way: answer once it has ended, either way
                    server._epoch_cond.wait_for(lambda: server._visible_epoch == server._wanted_epoch)
                    epoch = server._visible_epoch
                if self.failure is not None:
                    body = server._inject_js_into_html(self.page(), epoch)  # reloads when a rebuild succeeds
                    start_response(
                        "503 Service Unavailable",
                        [
                            ("Content-Type", "text/html; charset=utf-8"),
                            ("Content-Length", str(len(body))),
                            ("Cache-Control", "no-store"),
                        ],
                    )
                    return [body]
            return serve_request(environ, start_response)

        return application


# `mkdocs serve` builds through this module's `build` name (mkdocs/commands/serve.py: `builder` calls it for the
# first build and every rebuild); the guard wraps the original, kept here so that a second start wraps it once.
_ORIGINAL_BUILD = serve_command.build
_state: list[ServeState] = []  # the running `mkdocs serve` (one per process), between on_startup and on_serve


def on_startup(command: str, root: Path) -> None:
    """For `mkdocs serve`: build through the guard, the first build as well as every rebuild."""
    _state.clear()
    serve_command.build = _ORIGINAL_BUILD
    if command == "serve":
        _state.append(ServeState(root))
        serve_command.build = _state[0].guard(_ORIGINAL_BUILD)


def on_serve(server) -> None:
    """Answer every request with the problem page while the last build failed."""
    if _state:
        server.set_app(_state[0].app(server))
