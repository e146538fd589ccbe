"""The ceiling: a WSGI app that returns the story page's bytes, nothing else."""

import os
from pathlib import Path

BODY = Path(os.environ["CEILING_FILE"]).read_bytes()
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
