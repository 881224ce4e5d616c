FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /workspace
COPY pom.xml .
RUN mvn -B dependency:go-offline
COPY src ./src
RUN mvn -B -DskipTests package

FROM eclipse-temurin:21-jre-alpine AS runtime
RUN addgroup -S spring && adduser -S spring -G spring
USER spring:spring
COPY --from=build /workspace/target/*.jar /app/app.jar
COPY --from=build --chown=spring:spring /workspace/src/main/resources/logback.xml /app/
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
