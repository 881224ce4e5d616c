FROM alpine:3.19
LABEL version="1.4.2" \
      description="A tiny utility image" \
      vendor=ExampleCorp
LABEL "com.example.team"="platform" "com.example.tier"=backend
LABEL multi.line="first part \
second part"
