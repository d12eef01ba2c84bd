# explor's web application in a container: `docker build -t explor .` then
#   docker run -d -p 127.0.0.1:8080:8080 -v explor-data:/var/lib/explor \
#     -e EXPLOR_BASE_URL=https://explor.example.org explor
# behind a TLS reverse proxy (see docs/deploy.md). The image holds the one binary:
# SQLite is compiled in, the templates, stylesheets and scripts are embedded.

# Build stage: the release binary, from the locked dependencies.
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked -p explor \
 && strip target/release/explor

# Run stage: a slim system, an unprivileged user, the workspace on a volume.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates tini \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system explor \
 && useradd --system --gid explor --home-dir /var/lib/explor --shell /usr/sbin/nologin explor \
 && install -d -o explor -g explor -m 0750 /var/lib/explor
COPY --from=build /src/target/release/explor /usr/local/bin/explor
USER explor
WORKDIR /var/lib/explor
ENV EXPLOR_WORKSPACE=/var/lib/explor/workspace
VOLUME ["/var/lib/explor"]
EXPOSE 8080
# Creates the workspace on the first start (init changes nothing on an existing one),
# then serves it. The proxy terminates TLS, so cookies stay Secure (the default when
# not bound to a loopback address).
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["sh", "-c", "explor init && exec explor serve --bind 0.0.0.0:8080 --behind-proxy"]
HEALTHCHECK --interval=30s --timeout=5s CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200'"]
