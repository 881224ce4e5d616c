FROM fedora:40
# dslim-rewrite ignore=DSL032
RUN dnf install gcc
RUN dnf install make
