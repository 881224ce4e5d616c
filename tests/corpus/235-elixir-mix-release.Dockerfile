ARG ERLANG_TAG=26.2
ARG ELIXIR_TAG=1.16
FROM elixir:${ELIXIR_TAG}-otp-26-slim AS release
ENV MIX_ENV=prod HEX_HTTP_TIMEOUT=120
RUN apt-get update && apt-get install -y git build-essential
WORKDIR /build/telemetry_hub
RUN mix do local.hex --force, local.rebar --force
COPY mix.exs mix.lock ./
COPY apps/hub_core/mix.exs apps/hub_core/
COPY apps/hub_web/mix.exs apps/hub_web/
RUN mix deps.get --only prod && mix deps.compile
COPY config/ config/
COPY apps/ apps/
RUN mix release telemetry_hub --overwrite

FROM erlang:${ERLANG_TAG}-slim
RUN apt-get update && apt-get install -y --no-install-recommends openssl locales \
    && sed -i 's/# en_US.UTF-8/en_US.UTF-8/' /etc/locale.gen && locale-gen \
    && rm -rf /var/lib/apt/lists/*
ENV LANG=en_US.UTF-8
RUN useradd --system --home /opt/hub hub
COPY --from=release --chown=hub /build/telemetry_hub/_build/prod/rel/telemetry_hub /opt/hub
USER hub
EXPOSE 4000
ENTRYPOINT ["/opt/hub/bin/telemetry_hub"]
CMD ["start"]
