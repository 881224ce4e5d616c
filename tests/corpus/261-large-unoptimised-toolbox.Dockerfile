FROM ubuntu:22.04
MAINTAINER tools-team@example.com

ENV DEBIAN_FRONTEND noninteractive
ENV TZ Etc/UTC

RUN apt-get update
RUN apt-get upgrade -y
RUN apt-get install curl
RUN apt-get install wget
RUN apt-get install git
RUN apt-get install vim
RUN apt-get install nano
RUN apt-get install less
RUN apt-get install htop
RUN apt-get install jq
RUN apt-get install zip
RUN apt-get install unzip
RUN apt-get install tar
RUN apt-get install gzip
RUN apt-get install bzip2
RUN apt-get install xz-utils
RUN apt-get install make
RUN apt-get install gcc
RUN apt-get install g++
RUN apt-get install cmake
RUN apt-get install pkg-config
RUN apt-get install python3
RUN apt-get install python3-pip
RUN apt-get install python3-venv
RUN apt-get install openssh-client
RUN apt-get install rsync
RUN apt-get install netcat-openbsd
RUN apt-get install dnsutils
RUN apt-get install iputils-ping
RUN apt-get install telnet
RUN apt-get install tcpdump
RUN apt-get install strace
RUN apt-get install gdb
RUN apt-get install valgrind
RUN apt-get install sqlite3
RUN apt-get install postgresql-client
RUN apt-get install mysql-client
RUN apt-get install redis-tools
RUN apt-get install socat
RUN apt-get install tmux
RUN apt-get install screen
RUN apt-get install tree
RUN apt-get install file
RUN apt-get install lsof
RUN apt-get install psmisc
RUN apt-get install procps
RUN apt-get install sudo
RUN apt-get install locales
RUN apt-get install tzdata
RUN apt-get install gnupg
RUN apt-get install software-properties-common
RUN apt-get install apt-transport-https

# language runtimes
RUN curl -fsSL https://deb.nodesource.example/setup_20.x | bash -
RUN apt-get install -y nodejs
RUN npm install -g yarn
RUN npm install -g typescript
RUN npm install -g eslint prettier

RUN pip3 install requests
RUN pip3 install httpie
RUN pip3 install black
RUN pip3 install flake8
RUN pip3 install mypy
RUN pip3 install pytest
RUN pip3 install ipython
RUN pip3 install awscli
RUN pip3 install ansible
RUN pip3 install yq
RUN pip3 install pre-commit
RUN pip3 install tox
RUN pip3 install poetry
RUN pip3 install pipenv
RUN pip3 install cookiecutter
RUN pip3 install mkdocs
RUN pip3 install sphinx
RUN pip3 install jinja2-cli
RUN pip3 install yamllint
RUN pip3 install bandit

# Go toolchain
RUN cd /tmp && wget https://go.example.dev/dl/go1.22.2.linux-amd64.tar.gz
RUN cd /tmp && tar -C /usr/local -xzf go1.22.2.linux-amd64.tar.gz
ENV PATH $PATH:/usr/local/go/bin:/root/go/bin
RUN go install golang.org/x/tools/gopls@latest
RUN go install github.com/go-delve/delve/cmd/dlv@latest
RUN go install honnef.co/go/tools/cmd/staticcheck@latest
RUN go install github.com/golangci/golangci-lint/cmd/golangci-lint@v1.57.2
RUN go install mvdan.cc/gofumpt@latest
RUN go install github.com/fatih/gomodifytags@latest
RUN go install github.com/cweill/gotests/gotests@latest
RUN go install github.com/josharian/impl@latest

# per-user setup
RUN useradd -m -s /bin/bash dev01
RUN mkdir -p /home/dev01/.config && chown dev01:dev01 /home/dev01/.config
RUN echo 'export EDITOR=vim' >> /home/dev01/.bashrc
RUN echo "dev01 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev01; chmod 0440 /etc/sudoers.d/dev01
RUN useradd -m -s /bin/bash dev02
RUN mkdir -p /home/dev02/.config && chown dev02:dev02 /home/dev02/.config
RUN echo 'export EDITOR=vim' >> /home/dev02/.bashrc
RUN echo "dev02 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev02; chmod 0440 /etc/sudoers.d/dev02
RUN useradd -m -s /bin/bash dev03
RUN mkdir -p /home/dev03/.config && chown dev03:dev03 /home/dev03/.config
RUN echo 'export EDITOR=vim' >> /home/dev03/.bashrc
RUN echo "dev03 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev03; chmod 0440 /etc/sudoers.d/dev03
RUN useradd -m -s /bin/bash dev04
RUN mkdir -p /home/dev04/.config && chown dev04:dev04 /home/dev04/.config
RUN echo 'export EDITOR=vim' >> /home/dev04/.bashrc
RUN echo "dev04 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev04; chmod 0440 /etc/sudoers.d/dev04
RUN useradd -m -s /bin/bash dev05
RUN mkdir -p /home/dev05/.config && chown dev05:dev05 /home/dev05/.config
RUN echo 'export EDITOR=vim' >> /home/dev05/.bashrc
RUN echo "dev05 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev05; chmod 0440 /etc/sudoers.d/dev05
RUN useradd -m -s /bin/bash dev06
RUN mkdir -p /home/dev06/.config && chown dev06:dev06 /home/dev06/.config
RUN echo 'export EDITOR=vim' >> /home/dev06/.bashrc
RUN echo "dev06 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev06; chmod 0440 /etc/sudoers.d/dev06
RUN useradd -m -s /bin/bash dev07
RUN mkdir -p /home/dev07/.config && chown dev07:dev07 /home/dev07/.config
RUN echo 'export EDITOR=vim' >> /home/dev07/.bashrc
RUN echo "dev07 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev07; chmod 0440 /etc/sudoers.d/dev07
RUN useradd -m -s /bin/bash dev08
RUN mkdir -p /home/dev08/.config && chown dev08:dev08 /home/dev08/.config
RUN echo 'export EDITOR=vim' >> /home/dev08/.bashrc
RUN echo "dev08 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev08; chmod 0440 /etc/sudoers.d/dev08
RUN useradd -m -s /bin/bash dev09
RUN mkdir -p /home/dev09/.config && chown dev09:dev09 /home/dev09/.config
RUN echo 'export EDITOR=vim' >> /home/dev09/.bashrc
RUN echo "dev09 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev09; chmod 0440 /etc/sudoers.d/dev09
RUN useradd -m -s /bin/bash dev10
RUN mkdir -p /home/dev10/.config && chown dev10:dev10 /home/dev10/.config
RUN echo 'export EDITOR=vim' >> /home/dev10/.bashrc
RUN echo "dev10 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev10; chmod 0440 /etc/sudoers.d/dev10
RUN useradd -m -s /bin/bash dev11
RUN mkdir -p /home/dev11/.config && chown dev11:dev11 /home/dev11/.config
RUN echo 'export EDITOR=vim' >> /home/dev11/.bashrc
RUN echo "dev11 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev11; chmod 0440 /etc/sudoers.d/dev11
RUN useradd -m -s /bin/bash dev12
RUN mkdir -p /home/dev12/.config && chown dev12:dev12 /home/dev12/.config
RUN echo 'export EDITOR=vim' >> /home/dev12/.bashrc
RUN echo "dev12 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev12; chmod 0440 /etc/sudoers.d/dev12
RUN useradd -m -s /bin/bash dev13
RUN mkdir -p /home/dev13/.config && chown dev13:dev13 /home/dev13/.config
RUN echo 'export EDITOR=vim' >> /home/dev13/.bashrc
RUN echo "dev13 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev13; chmod 0440 /etc/sudoers.d/dev13
RUN useradd -m -s /bin/bash dev14
RUN mkdir -p /home/dev14/.config && chown dev14:dev14 /home/dev14/.config
RUN echo 'export EDITOR=vim' >> /home/dev14/.bashrc
RUN echo "dev14 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev14; chmod 0440 /etc/sudoers.d/dev14
RUN useradd -m -s /bin/bash dev15
RUN mkdir -p /home/dev15/.config && chown dev15:dev15 /home/dev15/.config
RUN echo 'export EDITOR=vim' >> /home/dev15/.bashrc
RUN echo "dev15 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev15; chmod 0440 /etc/sudoers.d/dev15
RUN useradd -m -s /bin/bash dev16
RUN mkdir -p /home/dev16/.config && chown dev16:dev16 /home/dev16/.config
RUN echo 'export EDITOR=vim' >> /home/dev16/.bashrc
RUN echo "dev16 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev16; chmod 0440 /etc/sudoers.d/dev16
RUN useradd -m -s /bin/bash dev17
RUN mkdir -p /home/dev17/.config && chown dev17:dev17 /home/dev17/.config
RUN echo 'export EDITOR=vim' >> /home/dev17/.bashrc
RUN echo "dev17 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev17; chmod 0440 /etc/sudoers.d/dev17
RUN useradd -m -s /bin/bash dev18
RUN mkdir -p /home/dev18/.config && chown dev18:dev18 /home/dev18/.config
RUN echo 'export EDITOR=vim' >> /home/dev18/.bashrc
RUN echo "dev18 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev18; chmod 0440 /etc/sudoers.d/dev18
RUN useradd -m -s /bin/bash dev19
RUN mkdir -p /home/dev19/.config && chown dev19:dev19 /home/dev19/.config
RUN echo 'export EDITOR=vim' >> /home/dev19/.bashrc
RUN echo "dev19 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev19; chmod 0440 /etc/sudoers.d/dev19
RUN useradd -m -s /bin/bash dev20
RUN mkdir -p /home/dev20/.config && chown dev20:dev20 /home/dev20/.config
RUN echo 'export EDITOR=vim' >> /home/dev20/.bashrc
RUN echo "dev20 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev20; chmod 0440 /etc/sudoers.d/dev20
RUN useradd -m -s /bin/bash dev21
RUN mkdir -p /home/dev21/.config && chown dev21:dev21 /home/dev21/.config
RUN echo 'export EDITOR=vim' >> /home/dev21/.bashrc
RUN echo "dev21 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev21; chmod 0440 /etc/sudoers.d/dev21
RUN useradd -m -s /bin/bash dev22
RUN mkdir -p /home/dev22/.config && chown dev22:dev22 /home/dev22/.config
RUN echo 'export EDITOR=vim' >> /home/dev22/.bashrc
RUN echo "dev22 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev22; chmod 0440 /etc/sudoers.d/dev22
RUN useradd -m -s /bin/bash dev23
RUN mkdir -p /home/dev23/.config && chown dev23:dev23 /home/dev23/.config
RUN echo 'export EDITOR=vim' >> /home/dev23/.bashrc
RUN echo "dev23 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev23; chmod 0440 /etc/sudoers.d/dev23
RUN useradd -m -s /bin/bash dev24
RUN mkdir -p /home/dev24/.config && chown dev24:dev24 /home/dev24/.config
RUN echo 'export EDITOR=vim' >> /home/dev24/.bashrc
RUN echo "dev24 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev24; chmod 0440 /etc/sudoers.d/dev24
RUN useradd -m -s /bin/bash dev25
RUN mkdir -p /home/dev25/.config && chown dev25:dev25 /home/dev25/.config
RUN echo 'export EDITOR=vim' >> /home/dev25/.bashrc
RUN echo "dev25 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev25; chmod 0440 /etc/sudoers.d/dev25
RUN useradd -m -s /bin/bash dev26
RUN mkdir -p /home/dev26/.config && chown dev26:dev26 /home/dev26/.config
RUN echo 'export EDITOR=vim' >> /home/dev26/.bashrc
RUN echo "dev26 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev26; chmod 0440 /etc/sudoers.d/dev26
RUN useradd -m -s /bin/bash dev27
RUN mkdir -p /home/dev27/.config && chown dev27:dev27 /home/dev27/.config
RUN echo 'export EDITOR=vim' >> /home/dev27/.bashrc
RUN echo "dev27 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev27; chmod 0440 /etc/sudoers.d/dev27
RUN useradd -m -s /bin/bash dev28
RUN mkdir -p /home/dev28/.config && chown dev28:dev28 /home/dev28/.config
RUN echo 'export EDITOR=vim' >> /home/dev28/.bashrc
RUN echo "dev28 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev28; chmod 0440 /etc/sudoers.d/dev28
RUN useradd -m -s /bin/bash dev29
RUN mkdir -p /home/dev29/.config && chown dev29:dev29 /home/dev29/.config
RUN echo 'export EDITOR=vim' >> /home/dev29/.bashrc
RUN echo "dev29 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev29; chmod 0440 /etc/sudoers.d/dev29
RUN useradd -m -s /bin/bash dev30
RUN mkdir -p /home/dev30/.config && chown dev30:dev30 /home/dev30/.config
RUN echo 'export EDITOR=vim' >> /home/dev30/.bashrc
RUN echo "dev30 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev30; chmod 0440 /etc/sudoers.d/dev30
RUN useradd -m -s /bin/bash dev31
RUN mkdir -p /home/dev31/.config && chown dev31:dev31 /home/dev31/.config
RUN echo 'export EDITOR=vim' >> /home/dev31/.bashrc
RUN echo "dev31 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev31; chmod 0440 /etc/sudoers.d/dev31
RUN useradd -m -s /bin/bash dev32
RUN mkdir -p /home/dev32/.config && chown dev32:dev32 /home/dev32/.config
RUN echo 'export EDITOR=vim' >> /home/dev32/.bashrc
RUN echo "dev32 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev32; chmod 0440 /etc/sudoers.d/dev32
RUN useradd -m -s /bin/bash dev33
RUN mkdir -p /home/dev33/.config && chown dev33:dev33 /home/dev33/.config
RUN echo 'export EDITOR=vim' >> /home/dev33/.bashrc
RUN echo "dev33 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev33; chmod 0440 /etc/sudoers.d/dev33
RUN useradd -m -s /bin/bash dev34
RUN mkdir -p /home/dev34/.config && chown dev34:dev34 /home/dev34/.config
RUN echo 'export EDITOR=vim' >> /home/dev34/.bashrc
RUN echo "dev34 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev34; chmod 0440 /etc/sudoers.d/dev34
RUN useradd -m -s /bin/bash dev35
RUN mkdir -p /home/dev35/.config && chown dev35:dev35 /home/dev35/.config
RUN echo 'export EDITOR=vim' >> /home/dev35/.bashrc
RUN echo "dev35 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev35; chmod 0440 /etc/sudoers.d/dev35
RUN useradd -m -s /bin/bash dev36
RUN mkdir -p /home/dev36/.config && chown dev36:dev36 /home/dev36/.config
RUN echo 'export EDITOR=vim' >> /home/dev36/.bashrc
RUN echo "dev36 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev36; chmod 0440 /etc/sudoers.d/dev36
RUN useradd -m -s /bin/bash dev37
RUN mkdir -p /home/dev37/.config && chown dev37:dev37 /home/dev37/.config
RUN echo 'export EDITOR=vim' >> /home/dev37/.bashrc
RUN echo "dev37 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev37; chmod 0440 /etc/sudoers.d/dev37
RUN useradd -m -s /bin/bash dev38
RUN mkdir -p /home/dev38/.config && chown dev38:dev38 /home/dev38/.config
RUN echo 'export EDITOR=vim' >> /home/dev38/.bashrc
RUN echo "dev38 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev38; chmod 0440 /etc/sudoers.d/dev38
RUN useradd -m -s /bin/bash dev39
RUN mkdir -p /home/dev39/.config && chown dev39:dev39 /home/dev39/.config
RUN echo 'export EDITOR=vim' >> /home/dev39/.bashrc
RUN echo "dev39 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev39; chmod 0440 /etc/sudoers.d/dev39
RUN useradd -m -s /bin/bash dev40
RUN mkdir -p /home/dev40/.config && chown dev40:dev40 /home/dev40/.config
RUN echo 'export EDITOR=vim' >> /home/dev40/.bashrc
RUN echo "dev40 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev40; chmod 0440 /etc/sudoers.d/dev40
RUN useradd -m -s /bin/bash dev41
RUN mkdir -p /home/dev41/.config && chown dev41:dev41 /home/dev41/.config
RUN echo 'export EDITOR=vim' >> /home/dev41/.bashrc
RUN echo "dev41 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev41; chmod 0440 /etc/sudoers.d/dev41
RUN useradd -m -s /bin/bash dev42
RUN mkdir -p /home/dev42/.config && chown dev42:dev42 /home/dev42/.config
RUN echo 'export EDITOR=vim' >> /home/dev42/.bashrc
RUN echo "dev42 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev42; chmod 0440 /etc/sudoers.d/dev42
RUN useradd -m -s /bin/bash dev43
RUN mkdir -p /home/dev43/.config && chown dev43:dev43 /home/dev43/.config
RUN echo 'export EDITOR=vim' >> /home/dev43/.bashrc
RUN echo "dev43 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev43; chmod 0440 /etc/sudoers.d/dev43
RUN useradd -m -s /bin/bash dev44
RUN mkdir -p /home/dev44/.config && chown dev44:dev44 /home/dev44/.config
RUN echo 'export EDITOR=vim' >> /home/dev44/.bashrc
RUN echo "dev44 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev44; chmod 0440 /etc/sudoers.d/dev44
RUN useradd -m -s /bin/bash dev45
RUN mkdir -p /home/dev45/.config && chown dev45:dev45 /home/dev45/.config
RUN echo 'export EDITOR=vim' >> /home/dev45/.bashrc
RUN echo "dev45 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev45; chmod 0440 /etc/sudoers.d/dev45
RUN useradd -m -s /bin/bash dev46
RUN mkdir -p /home/dev46/.config && chown dev46:dev46 /home/dev46/.config
RUN echo 'export EDITOR=vim' >> /home/dev46/.bashrc
RUN echo "dev46 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev46; chmod 0440 /etc/sudoers.d/dev46
RUN useradd -m -s /bin/bash dev47
RUN mkdir -p /home/dev47/.config && chown dev47:dev47 /home/dev47/.config
RUN echo 'export EDITOR=vim' >> /home/dev47/.bashrc
RUN echo "dev47 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev47; chmod 0440 /etc/sudoers.d/dev47
RUN useradd -m -s /bin/bash dev48
RUN mkdir -p /home/dev48/.config && chown dev48:dev48 /home/dev48/.config
RUN echo 'export EDITOR=vim' >> /home/dev48/.bashrc
RUN echo "dev48 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev48; chmod 0440 /etc/sudoers.d/dev48
RUN useradd -m -s /bin/bash dev49
RUN mkdir -p /home/dev49/.config && chown dev49:dev49 /home/dev49/.config
RUN echo 'export EDITOR=vim' >> /home/dev49/.bashrc
RUN echo "dev49 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev49; chmod 0440 /etc/sudoers.d/dev49
RUN useradd -m -s /bin/bash dev50
RUN mkdir -p /home/dev50/.config && chown dev50:dev50 /home/dev50/.config
RUN echo 'export EDITOR=vim' >> /home/dev50/.bashrc
RUN echo "dev50 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev50; chmod 0440 /etc/sudoers.d/dev50
RUN useradd -m -s /bin/bash dev51
RUN mkdir -p /home/dev51/.config && chown dev51:dev51 /home/dev51/.config
RUN echo 'export EDITOR=vim' >> /home/dev51/.bashrc
RUN echo "dev51 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev51; chmod 0440 /etc/sudoers.d/dev51
RUN useradd -m -s /bin/bash dev52
RUN mkdir -p /home/dev52/.config && chown dev52:dev52 /home/dev52/.config
RUN echo 'export EDITOR=vim' >> /home/dev52/.bashrc
RUN echo "dev52 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev52; chmod 0440 /etc/sudoers.d/dev52
RUN useradd -m -s /bin/bash dev53
RUN mkdir -p /home/dev53/.config && chown dev53:dev53 /home/dev53/.config
RUN echo 'export EDITOR=vim' >> /home/dev53/.bashrc
RUN echo "dev53 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev53; chmod 0440 /etc/sudoers.d/dev53
RUN useradd -m -s /bin/bash dev54
RUN mkdir -p /home/dev54/.config && chown dev54:dev54 /home/dev54/.config
RUN echo 'export EDITOR=vim' >> /home/dev54/.bashrc
RUN echo "dev54 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev54; chmod 0440 /etc/sudoers.d/dev54
RUN useradd -m -s /bin/bash dev55
RUN mkdir -p /home/dev55/.config && chown dev55:dev55 /home/dev55/.config
RUN echo 'export EDITOR=vim' >> /home/dev55/.bashrc
RUN echo "dev55 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev55; chmod 0440 /etc/sudoers.d/dev55
RUN useradd -m -s /bin/bash dev56
RUN mkdir -p /home/dev56/.config && chown dev56:dev56 /home/dev56/.config
RUN echo 'export EDITOR=vim' >> /home/dev56/.bashrc
RUN echo "dev56 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev56; chmod 0440 /etc/sudoers.d/dev56
RUN useradd -m -s /bin/bash dev57
RUN mkdir -p /home/dev57/.config && chown dev57:dev57 /home/dev57/.config
RUN echo 'export EDITOR=vim' >> /home/dev57/.bashrc
RUN echo "dev57 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev57; chmod 0440 /etc/sudoers.d/dev57
RUN useradd -m -s /bin/bash dev58
RUN mkdir -p /home/dev58/.config && chown dev58:dev58 /home/dev58/.config
RUN echo 'export EDITOR=vim' >> /home/dev58/.bashrc
RUN echo "dev58 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev58; chmod 0440 /etc/sudoers.d/dev58
RUN useradd -m -s /bin/bash dev59
RUN mkdir -p /home/dev59/.config && chown dev59:dev59 /home/dev59/.config
RUN echo 'export EDITOR=vim' >> /home/dev59/.bashrc
RUN echo "dev59 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev59; chmod 0440 /etc/sudoers.d/dev59
RUN useradd -m -s /bin/bash dev60
RUN mkdir -p /home/dev60/.config && chown dev60:dev60 /home/dev60/.config
RUN echo 'export EDITOR=vim' >> /home/dev60/.bashrc
RUN echo "dev60 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev60; chmod 0440 /etc/sudoers.d/dev60
RUN useradd -m -s /bin/bash dev61
RUN mkdir -p /home/dev61/.config && chown dev61:dev61 /home/dev61/.config
RUN echo 'export EDITOR=vim' >> /home/dev61/.bashrc
RUN echo "dev61 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev61; chmod 0440 /etc/sudoers.d/dev61
RUN useradd -m -s /bin/bash dev62
RUN mkdir -p /home/dev62/.config && chown dev62:dev62 /home/dev62/.config
RUN echo 'export EDITOR=vim' >> /home/dev62/.bashrc
RUN echo "dev62 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev62; chmod 0440 /etc/sudoers.d/dev62
RUN useradd -m -s /bin/bash dev63
RUN mkdir -p /home/dev63/.config && chown dev63:dev63 /home/dev63/.config
RUN echo 'export EDITOR=vim' >> /home/dev63/.bashrc
RUN echo "dev63 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev63; chmod 0440 /etc/sudoers.d/dev63
RUN useradd -m -s /bin/bash dev64
RUN mkdir -p /home/dev64/.config && chown dev64:dev64 /home/dev64/.config
RUN echo 'export EDITOR=vim' >> /home/dev64/.bashrc
RUN echo "dev64 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev64; chmod 0440 /etc/sudoers.d/dev64
RUN useradd -m -s /bin/bash dev65
RUN mkdir -p /home/dev65/.config && chown dev65:dev65 /home/dev65/.config
RUN echo 'export EDITOR=vim' >> /home/dev65/.bashrc
RUN echo "dev65 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev65; chmod 0440 /etc/sudoers.d/dev65
RUN useradd -m -s /bin/bash dev66
RUN mkdir -p /home/dev66/.config && chown dev66:dev66 /home/dev66/.config
RUN echo 'export EDITOR=vim' >> /home/dev66/.bashrc
RUN echo "dev66 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev66; chmod 0440 /etc/sudoers.d/dev66
RUN useradd -m -s /bin/bash dev67
RUN mkdir -p /home/dev67/.config && chown dev67:dev67 /home/dev67/.config
RUN echo 'export EDITOR=vim' >> /home/dev67/.bashrc
RUN echo "dev67 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev67; chmod 0440 /etc/sudoers.d/dev67
RUN useradd -m -s /bin/bash dev68
RUN mkdir -p /home/dev68/.config && chown dev68:dev68 /home/dev68/.config
RUN echo 'export EDITOR=vim' >> /home/dev68/.bashrc
RUN echo "dev68 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev68; chmod 0440 /etc/sudoers.d/dev68
RUN useradd -m -s /bin/bash dev69
RUN mkdir -p /home/dev69/.config && chown dev69:dev69 /home/dev69/.config
RUN echo 'export EDITOR=vim' >> /home/dev69/.bashrc
RUN echo "dev69 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev69; chmod 0440 /etc/sudoers.d/dev69
RUN useradd -m -s /bin/bash dev70
RUN mkdir -p /home/dev70/.config && chown dev70:dev70 /home/dev70/.config
RUN echo 'export EDITOR=vim' >> /home/dev70/.bashrc
RUN echo "dev70 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev70; chmod 0440 /etc/sudoers.d/dev70
RUN useradd -m -s /bin/bash dev71
RUN mkdir -p /home/dev71/.config && chown dev71:dev71 /home/dev71/.config
RUN echo 'export EDITOR=vim' >> /home/dev71/.bashrc
RUN echo "dev71 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev71; chmod 0440 /etc/sudoers.d/dev71
RUN useradd -m -s /bin/bash dev72
RUN mkdir -p /home/dev72/.config && chown dev72:dev72 /home/dev72/.config
RUN echo 'export EDITOR=vim' >> /home/dev72/.bashrc
RUN echo "dev72 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev72; chmod 0440 /etc/sudoers.d/dev72
RUN useradd -m -s /bin/bash dev73
RUN mkdir -p /home/dev73/.config && chown dev73:dev73 /home/dev73/.config
RUN echo 'export EDITOR=vim' >> /home/dev73/.bashrc
RUN echo "dev73 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev73; chmod 0440 /etc/sudoers.d/dev73
RUN useradd -m -s /bin/bash dev74
RUN mkdir -p /home/dev74/.config && chown dev74:dev74 /home/dev74/.config
RUN echo 'export EDITOR=vim' >> /home/dev74/.bashrc
RUN echo "dev74 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev74; chmod 0440 /etc/sudoers.d/dev74
RUN useradd -m -s /bin/bash dev75
RUN mkdir -p /home/dev75/.config && chown dev75:dev75 /home/dev75/.config
RUN echo 'export EDITOR=vim' >> /home/dev75/.bashrc
RUN echo "dev75 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev75; chmod 0440 /etc/sudoers.d/dev75
RUN useradd -m -s /bin/bash dev76
RUN mkdir -p /home/dev76/.config && chown dev76:dev76 /home/dev76/.config
RUN echo 'export EDITOR=vim' >> /home/dev76/.bashrc
RUN echo "dev76 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev76; chmod 0440 /etc/sudoers.d/dev76
RUN useradd -m -s /bin/bash dev77
RUN mkdir -p /home/dev77/.config && chown dev77:dev77 /home/dev77/.config
RUN echo 'export EDITOR=vim' >> /home/dev77/.bashrc
RUN echo "dev77 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev77; chmod 0440 /etc/sudoers.d/dev77
RUN useradd -m -s /bin/bash dev78
RUN mkdir -p /home/dev78/.config && chown dev78:dev78 /home/dev78/.config
RUN echo 'export EDITOR=vim' >> /home/dev78/.bashrc
RUN echo "dev78 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev78; chmod 0440 /etc/sudoers.d/dev78
RUN useradd -m -s /bin/bash dev79
RUN mkdir -p /home/dev79/.config && chown dev79:dev79 /home/dev79/.config
RUN echo 'export EDITOR=vim' >> /home/dev79/.bashrc
RUN echo "dev79 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev79; chmod 0440 /etc/sudoers.d/dev79
RUN useradd -m -s /bin/bash dev80
RUN mkdir -p /home/dev80/.config && chown dev80:dev80 /home/dev80/.config
RUN echo 'export EDITOR=vim' >> /home/dev80/.bashrc
RUN echo "dev80 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev80; chmod 0440 /etc/sudoers.d/dev80
RUN useradd -m -s /bin/bash dev81
RUN mkdir -p /home/dev81/.config && chown dev81:dev81 /home/dev81/.config
RUN echo 'export EDITOR=vim' >> /home/dev81/.bashrc
RUN echo "dev81 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev81; chmod 0440 /etc/sudoers.d/dev81
RUN useradd -m -s /bin/bash dev82
RUN mkdir -p /home/dev82/.config && chown dev82:dev82 /home/dev82/.config
RUN echo 'export EDITOR=vim' >> /home/dev82/.bashrc
RUN echo "dev82 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev82; chmod 0440 /etc/sudoers.d/dev82
RUN useradd -m -s /bin/bash dev83
RUN mkdir -p /home/dev83/.config && chown dev83:dev83 /home/dev83/.config
RUN echo 'export EDITOR=vim' >> /home/dev83/.bashrc
RUN echo "dev83 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev83; chmod 0440 /etc/sudoers.d/dev83
RUN useradd -m -s /bin/bash dev84
RUN mkdir -p /home/dev84/.config && chown dev84:dev84 /home/dev84/.config
RUN echo 'export EDITOR=vim' >> /home/dev84/.bashrc
RUN echo "dev84 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev84; chmod 0440 /etc/sudoers.d/dev84
RUN useradd -m -s /bin/bash dev85
RUN mkdir -p /home/dev85/.config && chown dev85:dev85 /home/dev85/.config
RUN echo 'export EDITOR=vim' >> /home/dev85/.bashrc
RUN echo "dev85 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev85; chmod 0440 /etc/sudoers.d/dev85
RUN useradd -m -s /bin/bash dev86
RUN mkdir -p /home/dev86/.config && chown dev86:dev86 /home/dev86/.config
RUN echo 'export EDITOR=vim' >> /home/dev86/.bashrc
RUN echo "dev86 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev86; chmod 0440 /etc/sudoers.d/dev86
RUN useradd -m -s /bin/bash dev87
RUN mkdir -p /home/dev87/.config && chown dev87:dev87 /home/dev87/.config
RUN echo 'export EDITOR=vim' >> /home/dev87/.bashrc
RUN echo "dev87 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev87; chmod 0440 /etc/sudoers.d/dev87
RUN useradd -m -s /bin/bash dev88
RUN mkdir -p /home/dev88/.config && chown dev88:dev88 /home/dev88/.config
RUN echo 'export EDITOR=vim' >> /home/dev88/.bashrc
RUN echo "dev88 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev88; chmod 0440 /etc/sudoers.d/dev88
RUN useradd -m -s /bin/bash dev89
RUN mkdir -p /home/dev89/.config && chown dev89:dev89 /home/dev89/.config
RUN echo 'export EDITOR=vim' >> /home/dev89/.bashrc
RUN echo "dev89 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev89; chmod 0440 /etc/sudoers.d/dev89
RUN useradd -m -s /bin/bash dev90
RUN mkdir -p /home/dev90/.config && chown dev90:dev90 /home/dev90/.config
RUN echo 'export EDITOR=vim' >> /home/dev90/.bashrc
RUN echo "dev90 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev90; chmod 0440 /etc/sudoers.d/dev90
RUN useradd -m -s /bin/bash dev91
RUN mkdir -p /home/dev91/.config && chown dev91:dev91 /home/dev91/.config
RUN echo 'export EDITOR=vim' >> /home/dev91/.bashrc
RUN echo "dev91 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev91; chmod 0440 /etc/sudoers.d/dev91
RUN useradd -m -s /bin/bash dev92
RUN mkdir -p /home/dev92/.config && chown dev92:dev92 /home/dev92/.config
RUN echo 'export EDITOR=vim' >> /home/dev92/.bashrc
RUN echo "dev92 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev92; chmod 0440 /etc/sudoers.d/dev92
RUN useradd -m -s /bin/bash dev93
RUN mkdir -p /home/dev93/.config && chown dev93:dev93 /home/dev93/.config
RUN echo 'export EDITOR=vim' >> /home/dev93/.bashrc
RUN echo "dev93 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev93; chmod 0440 /etc/sudoers.d/dev93
RUN useradd -m -s /bin/bash dev94
RUN mkdir -p /home/dev94/.config && chown dev94:dev94 /home/dev94/.config
RUN echo 'export EDITOR=vim' >> /home/dev94/.bashrc
RUN echo "dev94 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev94; chmod 0440 /etc/sudoers.d/dev94
RUN useradd -m -s /bin/bash dev95
RUN mkdir -p /home/dev95/.config && chown dev95:dev95 /home/dev95/.config
RUN echo 'export EDITOR=vim' >> /home/dev95/.bashrc
RUN echo "dev95 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev95; chmod 0440 /etc/sudoers.d/dev95
RUN useradd -m -s /bin/bash dev96
RUN mkdir -p /home/dev96/.config && chown dev96:dev96 /home/dev96/.config
RUN echo 'export EDITOR=vim' >> /home/dev96/.bashrc
RUN echo "dev96 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev96; chmod 0440 /etc/sudoers.d/dev96
RUN useradd -m -s /bin/bash dev97
RUN mkdir -p /home/dev97/.config && chown dev97:dev97 /home/dev97/.config
RUN echo 'export EDITOR=vim' >> /home/dev97/.bashrc
RUN echo "dev97 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev97; chmod 0440 /etc/sudoers.d/dev97
RUN useradd -m -s /bin/bash dev98
RUN mkdir -p /home/dev98/.config && chown dev98:dev98 /home/dev98/.config
RUN echo 'export EDITOR=vim' >> /home/dev98/.bashrc
RUN echo "dev98 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev98; chmod 0440 /etc/sudoers.d/dev98
RUN useradd -m -s /bin/bash dev99
RUN mkdir -p /home/dev99/.config && chown dev99:dev99 /home/dev99/.config
RUN echo 'export EDITOR=vim' >> /home/dev99/.bashrc
RUN echo "dev99 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev99; chmod 0440 /etc/sudoers.d/dev99
RUN useradd -m -s /bin/bash dev100
RUN mkdir -p /home/dev100/.config && chown dev100:dev100 /home/dev100/.config
RUN echo 'export EDITOR=vim' >> /home/dev100/.bashrc
RUN echo "dev100 ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev100; chmod 0440 /etc/sudoers.d/dev100

# misc configuration, one step at a time
RUN cd /etc
RUN locale-gen en_US.UTF-8
ENV LANG en_US.UTF-8
ENV LC_ALL en_US.UTF-8
RUN set -e; for d in /opt/a /opt/b /opt/c; do mkdir -p $d; done
RUN if [ -f /etc/os-release ]; then . /etc/os-release; echo $PRETTY_NAME; fi
RUN case "$(uname -m)" in x86_64) echo amd64;; aarch64) echo arm64;; *) echo other;; esac > /etc/arch
RUN export FOO=bar && echo $FOO
RUN cat /etc/passwd | grep dev | wc -l || true
RUN apt-get clean
WORKDIR /workspace
CMD ["bash"]
