FROM alpine:3.19
ENV SITE_TITLE="Weekend Bakery"
ENV SITE_MOTTO=Fresh\ bread\ every\ day
ENV SITE_CITY=Lyon
ENV CONNECTION="host=db port=5432 sslmode=disable"
ENV lower_key=one Mixed_Key=two _UNDERSCORE=three
RUN echo "$SITE_TITLE | $SITE_MOTTO | $SITE_CITY | $CONNECTION"
