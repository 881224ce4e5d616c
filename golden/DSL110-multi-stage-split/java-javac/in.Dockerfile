FROM eclipse-temurin:17-jdk
WORKDIR /app
COPY src ./src
RUN javac -d classes $(find src -name '*.java') && jar cfe app.jar com.example.Main -C classes .
EXPOSE 8080
CMD ["java", "-jar", "/app/app.jar"]
