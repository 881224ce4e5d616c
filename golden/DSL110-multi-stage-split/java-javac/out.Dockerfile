FROM eclipse-temurin:17-jdk AS build
WORKDIR /app
COPY src ./src
RUN javac -d classes $(find src -name '*.java') && jar cfe app.jar com.example.Main -C classes .

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /app/app.jar /app/app.jar
EXPOSE 8080
CMD ["java", "-jar", "/app/app.jar"]
