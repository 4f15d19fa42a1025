# The Dockerfile fix-all test edits this file.
FROM debian:12.5
RUN apt-get update \
 && apt-get install --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
add app.conf /etc/app/
USER 10001
CMD ["/usr/local/bin/app"]
