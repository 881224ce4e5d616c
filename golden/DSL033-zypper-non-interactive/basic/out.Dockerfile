FROM opensuse/leap:15.5
RUN zypper --non-interactive install curl
RUN zypper --non-interactive in -l git-core && zypper --non-interactive rm vim
RUN zypper --gpg-auto-import-keys refresh && zypper --non-interactive dup
RUN /usr/bin/zypper --non-interactive patch
