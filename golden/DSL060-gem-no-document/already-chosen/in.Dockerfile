FROM ruby:3.3
RUN gem install --no-document bundler
RUN gem install -N rake
RUN gem install --no-ri --no-rdoc rails
RUN gem install --no-doc puma
RUN gem install --document=ri thor
RUN gem list
RUN bundle install

FROM ruby:3.3 AS with-gemrc
RUN echo "gem: --no-document" > ~/.gemrc
RUN gem install bundler

FROM ruby:3.3
COPY .gemrc /root/.gemrc
RUN gem install bundler

FROM ruby:1.9.3
RUN gem install bundler
