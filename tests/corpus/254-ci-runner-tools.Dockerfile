FROM docker:26-cli AS dockercli
FROM hashicorp/terraform:1.8 AS terraform

FROM python:3.12-alpine
RUN apk add --no-cache bash git openssh-client make jq yq curl
COPY --from=dockercli /usr/local/bin/docker /usr/local/bin/docker
COPY --from=terraform /bin/terraform /usr/local/bin/terraform
RUN pip install ansible-core==2.16.6 boto3 checkov
RUN ansible-galaxy collection install community.general amazon.aws
RUN adduser -D -h /home/runner runner
USER runner
WORKDIR /home/runner
ENTRYPOINT ["/bin/bash", "-lc"]
