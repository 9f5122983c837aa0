FROM python:3.11-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

COPY pyproject.toml README.md alembic.ini ./
COPY bot ./bot
COPY handlers ./handlers
COPY models ./models
COPY services ./services
COPY scheduler ./scheduler
COPY locales ./locales
COPY web ./web
COPY migrations ./migrations
RUN pip install . \
 && useradd --create-home --uid 10001 steward \
 && mkdir -p /app/data && chown steward /app/data

USER steward
ENV WEB_ENABLED=true WEB_PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4).status == 200 else 1)"
ENTRYPOINT ["python", "-m", "bot"]
CMD ["run"]
