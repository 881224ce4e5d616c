FROM debian:bookworm-slim
RUN useradd -m app
COPY --chown=app:app src/ /home/app/src/
COPY --chown=1000 --chmod=600 secrets.env /home/app/.env
COPY --chmod=755 scripts/*.sh /usr/local/bin/
COPY --chown=app:app --chmod=u+rwx,g+rx,o-rwx launch /usr/local/bin/launch
ADD --chown=app:app --chmod=0444 static.tar.gz /srv/static/
