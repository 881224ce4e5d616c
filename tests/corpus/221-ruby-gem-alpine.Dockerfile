FROM ruby:3.3-alpine
RUN apk add --no-cache build-base git tzdata \
    && gem update --system --no-document \
    && gem install --no-document rake:13.2.1 sinatra:4.0 puma:6.4
WORKDIR /srv/status-page
COPY Gemfile Gemfile.lock ./
RUN bundle config set --local without 'development test' \
    && bundle install --jobs 4 --retry 3 \
    && rm -rf /usr/local/bundle/cache/*.gem \
    && find /usr/local/bundle/gems/ -name "*.c" -delete \
    && find /usr/local/bundle/gems/ -name "*.o" -delete
COPY . .
EXPOSE 4567
CMD ["bundle", "exec", "ruby", "app.rb", "-o", "0.0.0.0"]
