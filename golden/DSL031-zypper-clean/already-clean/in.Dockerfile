FROM opensuse/leap:15.5
RUN zypper install -y git-core && zypper clean --all
RUN zypper -n in curl && zypper cc -a
RUN zypper -n in make && rm -rf /var/cache/zypp/*
RUN zypper -n rm vim
