FROM alpine:3.19 AS my.stage-1_x
FROM alpine:3.19 as lower
FROM alpine:3.19 As Mixed
FROM alpine:3.19 AS 42
FROM my.stage-1_x AS from-stage
COPY --from=my.stage-1_x /etc/hostname /a
COPY --from=lower /etc/hostname /b
COPY --from=42 /etc/hostname /c
