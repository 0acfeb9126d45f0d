# Stand-in for the official postgres:15 image, built from Debian's postgresql-15 where no registry is reachable
# (build-images.sh). Same contract: POSTGRES_PASSWORD / POSTGRES_USER / POSTGRES_DB / PGDATA, `postgres -c ...` as the
# command, pg_isready on the PATH.
ARG BASE_IMAGE=debian:bookworm
FROM ${BASE_IMAGE}
# Debian would create and start a 'main' cluster on install; the entry point initialises PGDATA instead.
RUN mkdir -p /etc/postgresql-common \
 && echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.conf \
 && apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 \
 && rm -rf /var/lib/apt/lists/*
ENV PATH=/usr/lib/postgresql/15/bin:$PATH PGDATA=/var/lib/postgresql/data
RUN mkdir -p "$PGDATA" /var/run/postgresql \
 && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql \
 && chmod 700 "$PGDATA"
COPY postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
USER postgres
VOLUME /var/lib/postgresql/data
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres"]
