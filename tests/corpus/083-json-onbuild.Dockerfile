FROM ruby:3.3
ONBUILD RUN ["bundle", "config", "set", "without", "development test"]
ONBUILD CMD ["bundle", "exec", "rackup"]
ONBUILD ENTRYPOINT ["/usr/bin/env"]
ONBUILD SHELL ["/bin/bash", "-c"]
ONBUILD VOLUME ["/app/tmp"]
