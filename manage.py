#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    # manage.py is a development tool first: without DJANGO_DEBUG it runs in
    # development mode. Production sets DJANGO_DEBUG=0 (as `make serve` does);
    # the WSGI entry point (newsroom/wsgi.py) has no such default.
    os.environ.setdefault("DJANGO_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
