FROM ruby:3.3
# dslim-rewrite ignore=DSL060
RUN gem install bundler
RUN gem install rake
