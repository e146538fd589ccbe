# Newsroom: `make run` serves the demo newsroom, `make test` runs the suite.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export DJANGO_DEBUG ?= 1
# Links in emails (printed to the console in development) point at this server.
export DJANGO_SITE_URL ?= http://127.0.0.1:$(PORT)

.PHONY: run test lint fmt install migrate demo clean serve bench

$(VENV)/.installed: pyproject.toml
	@python3 -c 'import sys; sys.exit(sys.version_info < (3, 12))' || \
	  { echo "Newsroom needs Python 3.12 or newer (.python-version asks pyenv for 3.13); python3 is $$(python3 --version)."; exit 1; }
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo
	$(PY) manage.py load_demo_subscribers

# The web server and the background worker (renditions, Similar News, email).
run: demo
	PORT=$(PORT) VENV=$(VENV) deploy/dev

test: install
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest $(PYTEST_ARGS)

# Production settings on this machine: Varnish on PORT in front of gunicorn
# (PORT + 1) and the purge worker (deploy/serve), whitenoise, DEBUG off, a
# local secret key, plain HTTP. DATABASE_URL and REDIS_URL are honoured.
SERVE_ENV = DJANGO_DEBUG=0 DJANGO_SECRET_KEY="$$(cat .secret_key)" \
	DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost DJANGO_HTTPS=0 DJANGO_SERVE_MEDIA=1 \
	DJANGO_EMAIL_BACKEND=newsroom.console_mail.EmailBackend
WORKERS ?= 2

.secret_key:
	python3 -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

serve: install .secret_key
	$(SERVE_ENV) $(PY) manage.py migrate --noinput
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(SERVE_ENV) PORT=$(PORT) WORKERS=$(WORKERS) VENV=$(VENV) deploy/serve

# The serving benchmark (about 12 minutes, plus seeding the first time): the
# cached story through Varnish against nginx and a trivial-WSGI ceiling, every
# page with no cache at all, publish-to-visible through Varnish, and a soak.
bench: install
	cd bench && ../$(PY) serve.py

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

fmt: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) db.sqlite3 media protected staticfiles
