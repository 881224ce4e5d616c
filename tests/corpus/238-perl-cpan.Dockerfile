FROM perl:5.38
RUN cpanm --notest Mojolicious DBI DBD::SQLite
RUN cpanm Text::CSV_XS
COPY cpanfile /app/cpanfile
WORKDIR /app
RUN cpanm --installdeps .
COPY . /app
EXPOSE 3000
CMD ["perl", "script/app", "daemon", "-l", "http://*:3000"]
