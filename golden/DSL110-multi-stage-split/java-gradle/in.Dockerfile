FROM gradle:8.7-jdk21 AS builder
WORKDIR /home/gradle/project
COPY --chown=gradle:gradle . .
RUN gradle build --no-daemon
ENTRYPOINT ["java", "-jar", "build/libs/service.jar"]
