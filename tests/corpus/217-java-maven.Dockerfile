FROM maven:3.8.6-openjdk-11 AS package
WORKDIR /opt/ledger
COPY pom.xml .
COPY ledger-core/pom.xml ledger-core/
COPY ledger-api/pom.xml ledger-api/
RUN mvn -q -B dependency:resolve
COPY ledger-core/src ledger-core/src
COPY ledger-api/src ledger-api/src
RUN mvn -B clean package -pl ledger-api -am

FROM openjdk:11-jre-slim
COPY --from=package /opt/ledger/ledger-api/target/ledger-api-*.jar /opt/ledger.jar
EXPOSE 8081
ENTRYPOINT ["java", "-Duser.timezone=UTC", "-jar", "/opt/ledger.jar"]
