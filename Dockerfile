# Nurture in a container: the wheel inside a slim image, run as an unprivileged user, data at a volume.
#
#   docker build -t nurture .
#   docker run -d --env-file .env -v nurture-data:/data nurture            # polling, notebooks in /data
#   docker run -d --env-file .env -e COACH_DATABASE_URL=postgresql://... -p 8080:8080 nurture --webhook
#
# compose.yaml runs it with PostgreSQL; compose.replicas.yaml runs two webhook replicas behind Caddy.

FROM python:3.11-slim AS wheel
WORKDIR /src
COPY pyproject.toml setup.py README.md ./
COPY bot ./bot
COPY templates ./templates
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /dist .

FROM python:3.11-slim
# The venv has no pip of its own (the image's pip installs into it): nothing in it but Nurture and what it needs.
COPY --from=wheel /dist /dist
RUN python -m venv --without-pip /opt/nurture \
    && pip --python /opt/nurture/bin/python install --no-cache-dir "$(ls /dist/nurture-*.whl)[postgres]" \
    && rm -rf /dist \
    && useradd --system --uid 10001 --home-dir /data --no-create-home nurture \
    && mkdir -m 0700 /data && chown nurture: /data
ENV PATH=/opt/nurture/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    COACH_DATA_DIR=/data \
    COACH_WEBHOOK_LISTEN=0.0.0.0 \
    COACH_WEBHOOK_PORT=8080
VOLUME ["/data"]
EXPOSE 8080
USER nurture
WORKDIR /data
# Polling's own check; in webhook mode compose asks GET /readyz instead (the bot answers it on its port).
HEALTHCHECK --interval=30s --timeout=10s --start-period=20s --retries=3 CMD ["nurture", "health"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["nurture"]
CMD []
