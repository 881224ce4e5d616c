FROM debian:bookworm-slim
ENV HELM_VERSION=3.14.4 KUBECTL_VERSION=1.30.1
RUN apt-get update && apt-get install -y wget ca-certificates
RUN wget -q https://get.helm.example/helm-v${HELM_VERSION}-linux-amd64.tar.gz -O /tmp/helm.tgz \
    && tar -xzf /tmp/helm.tgz -C /tmp \
    && mv /tmp/linux-amd64/helm /usr/local/bin/helm \
    && rm -rf /tmp/helm.tgz /tmp/linux-amd64
RUN wget -q "https://dl.k8s.example/release/v${KUBECTL_VERSION}/bin/linux/amd64/kubectl" -O /usr/local/bin/kubectl
RUN chmod +x /usr/local/bin/kubectl
RUN helm version --short && kubectl version --client
