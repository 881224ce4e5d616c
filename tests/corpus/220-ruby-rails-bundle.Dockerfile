FROM ruby:3.2
RUN apt-get update -qq
RUN apt-get install -y nodejs postgresql-client imagemagick
RUN gem install bundler -v 2.5.9
WORKDIR /var/www/helpdesk
COPY Gemfile Gemfile.lock ./
RUN bundle install
COPY . .
RUN bundle exec rake assets:precompile
COPY bin/docker-start /usr/local/bin/docker-start
RUN chmod +x /usr/local/bin/docker-start
ENTRYPOINT ["docker-start"]
EXPOSE 3000
CMD bundle exec puma -C config/puma.rb
