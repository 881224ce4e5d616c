FROM maven:3.9-eclipse-temurin-17
WORKDIR /build
COPY pom.xml .
RUN mvn -B dependency:go-offline
COPY src ./src
RUN mvn -B package -DskipTests
ENTRYPOINT ["java", "-jar", "target/app.jar"]
