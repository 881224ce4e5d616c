FROM opensuse/leap:15.5
RUN zypper install curl
RUN zypper in -l git-core && zypper rm vim
RUN zypper --gpg-auto-import-keys refresh && zypper dup
RUN /usr/bin/zypper patch
