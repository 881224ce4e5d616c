FROM ruby:3.3-slim
RUN gem install bundler -v 2.5.6
RUN gem install nokogiri && bundle install
RUN gem update --system
RUN /usr/local/bin/gem install --user-install rake
RUN sudo gem install -v 1.0 rails
