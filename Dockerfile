# Stridewise on a home server: the dashboard behind a sign-in, the database in a volume.
# It serves every network interface of the container, so it starts only when
# .streamlit/secrets.toml (mounted at /app/.streamlit/secrets.toml) has a password hash or an
# OpenID Connect login. See compose.yaml and the README, "Privacy and security".
FROM python:3.11-slim
# The user the app runs as: match the owner of the secrets file you mount (see compose.yaml).
ARG UID=1000

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STRIDEWISE_DB=/data/stridewise.duckdb

WORKDIR /app
COPY requirements.lock ./
RUN pip install -r requirements.lock

COPY pyproject.toml README.md LICENSE ./
COPY training ./training
COPY pipelines ./pipelines
COPY dashboard ./dashboard
COPY .streamlit/config.toml ./.streamlit/config.toml
RUN pip install --no-deps . \
    && rm -rf training pipelines dashboard \
    && useradd --create-home --uid "$UID" stridewise \
    && install -d -m 700 -o stridewise -g stridewise /data \
    && install -d -m 755 /imports

USER stridewise
VOLUME ["/data"]
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request as u; sys.exit(u.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read() != b'ok')"]
CMD ["python", "-m", "dashboard.serve", "--host", "0.0.0.0", "--port", "8501"]
