# syntax=docker/dockerfile:1
FROM debian:bookworm
# Keep downloaded .deb files so the cache mounts below are useful.
RUN rm -f /etc/apt/apt.conf.d/docker-clean \
    && printf 'APT::Keep-Downloaded-Packages "true";\n' > /etc/apt/apt.conf.d/99keep-debs
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt,sharing=locked \
    apt-get update && apt-get install -y --no-install-recommends clang lld
