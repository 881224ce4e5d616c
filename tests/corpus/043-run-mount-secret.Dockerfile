# syntax=docker/dockerfile:1
FROM python:3.12-slim
RUN --mount=type=secret,id=pip_index,target=/etc/pip.conf \
    pip install --no-cache-dir internal-billing-sdk==2.0.1
RUN --mount=type=secret,id=gcs_key,required=true,mode=0400 \
    GOOGLE_APPLICATION_CREDENTIALS=/run/secrets/gcs_key python -m fetch_models --bucket models-prod
RUN --mount=type=secret,id=SENTRY_AUTH,env=SENTRY_AUTH_TOKEN sentry-cli releases new "$(cat /etc/hostname)"
