FROM opensuse/leap:15.5
# dslim-rewrite ignore=DSL033
RUN zypper install curl
RUN zypper install git
