FROM opensuse/leap:15.5
RUN zypper refresh
RUN zypper --non-interactive install --no-recommends \
        gcc \
        make \
        ruby-devel \
        libxml2-devel
RUN zypper install -y git-core && zypper clean --all
RUN gem install nokogiri
WORKDIR /work
COPY . .
CMD ["make", "check"]
