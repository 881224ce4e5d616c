FROM alpine:3.19
ADD https://example.com/files/a.txt /srv/a.txt
ADD http://mirror.example.org/pub/b.tar.gz /srv/
ADD https://example.com/files/c.txt?token=abc&x=1 /srv/c.txt
ADD git@github.com:example/private-repo.git /src/private
ADD https://github.com/example/public-repo.git#v1.2.3 /src/public
