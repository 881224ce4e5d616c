FROM alpine:3.19
LABEL "key with space"=value empty="" bare=
LABEL a=b=c
LABEL 'single.quoted.key'='single quoted value'
LABEL json='{"a": 1, "b": [1, 2]}'
LABEL escaped="line1\nline2" tabbed="col1\tcol2"
LABEL com.example.vendor=ACME\ Incorporated
