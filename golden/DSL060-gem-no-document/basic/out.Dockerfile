FROM ruby:3.3-slim
RUN gem install --no-document bundler -v 2.5.6
RUN gem install --no-document nokogiri && bundle install
RUN gem update --no-document --system
RUN /usr/local/bin/gem install --no-document --user-install rake
RUN sudo gem install --no-document -v 1.0 rails
