FROM opensuse/leap:15.5
# dslim-rewrite ignore=DSL031
RUN zypper -n install gcc
RUN zypper -n install make
