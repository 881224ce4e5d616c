FROM eclipse-temurin:17-jre-jammy
ARG KAFKA_VERSION=3.7.0
ARG SCALA_VERSION=2.13
ENV KAFKA_HOME=/opt/kafka
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
RUN curl -fsSL "https://archive.example.org/dist/kafka/${KAFKA_VERSION}/kafka_${SCALA_VERSION}-${KAFKA_VERSION}.tgz" \
      | tar -xz -C /opt \
    && ln -s /opt/kafka_${SCALA_VERSION}-${KAFKA_VERSION} ${KAFKA_HOME}
ENV PATH=${PATH}:${KAFKA_HOME}/bin
COPY server.properties ${KAFKA_HOME}/config/kraft/server.properties
RUN kafka-storage.sh format -t "$(kafka-storage.sh random-uuid)" -c ${KAFKA_HOME}/config/kraft/server.properties
EXPOSE 9092 9093
CMD ["kafka-server-start.sh", "/opt/kafka/config/kraft/server.properties"]
