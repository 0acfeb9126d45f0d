# Stand-in for mcr.microsoft.com/azure-storage/azurite:3.35.0 where no registry is reachable (build-images.sh): the
# Azurite the tests use (installed alone by build-images.sh: the build context) on Debian's Node.js, `azurite` on the PATH, data in /data.
ARG BASE_IMAGE=debian:bookworm
FROM ${BASE_IMAGE}
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs \
 && rm -rf /var/lib/apt/lists/*
COPY node_modules /opt/azurite/node_modules
RUN ln -s /opt/azurite/node_modules/azurite/dist/src/azurite.js /usr/local/bin/azurite \
 && chmod +x /opt/azurite/node_modules/azurite/dist/src/azurite.js \
 && mkdir -p /data
WORKDIR /opt/azurite
VOLUME /data
CMD ["azurite", "-l", "/data", "--blobHost", "0.0.0.0", "--queueHost", "0.0.0.0", "--tableHost", "0.0.0.0"]
