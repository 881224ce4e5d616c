FROM gradle:8.7-jdk21 AS builder-build
WORKDIR /home/gradle/project
COPY --chown=gradle:gradle . .
RUN gradle build --no-daemon

FROM eclipse-temurin:21-jre AS builder
WORKDIR /home/gradle/project
COPY --from=builder-build /home/gradle/project/build/libs/service.jar /home/gradle/project/build/libs/service.jar
ENTRYPOINT ["java", "-jar", "build/libs/service.jar"]
