# Stand-in for the official caddy:2.6 image where no registry is reachable (build-images.sh): Debian's caddy 2.6.2
# with the same paths (/etc/caddy/Caddyfile, /data, /config) and command; wget for health checks, as in the official image.
ARG BASE_IMAGE=debian:bookworm
FROM ${BASE_IMAGE}
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends caddy wget \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /config /data /srv
ENV XDG_CONFIG_HOME=/config XDG_DATA_HOME=/data
VOLUME /config /data
WORKDIR /srv
CMD ["caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile"]
