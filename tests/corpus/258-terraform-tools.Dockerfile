FROM ubuntu:22.04
ENV TF_VERSION=1.8.3 TFLINT_VERSION=0.51.0
RUN apt-get update && apt-get install -y unzip curl git
RUN curl -fsSLo /tmp/tf.zip https://releases.example.com/terraform/${TF_VERSION}/terraform_${TF_VERSION}_linux_amd64.zip && \
    unzip /tmp/tf.zip -d /usr/local/bin && \
    rm /tmp/tf.zip
RUN curl -fsSL https://example.com/tflint/install_linux.sh | bash
RUN terraform -version; tflint --version
WORKDIR /infra
ENTRYPOINT ["terraform"]
