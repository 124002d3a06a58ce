# The Sales Co-Pilot production jar on a Java 25 runtime.
# The jar is built outside Docker (Maven needs the ~/.m2 cache or Maven Central):
#   ./mvnw -Pproduction package -DskipTests
#   docker compose up -d --build
FROM eclipse-temurin:25-jre

# curl for the health check (the image has none); a user without privileges to run the app
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --uid 10001 copilot

WORKDIR /app
COPY target/sales-copilot-*.jar /app/sales-copilot.jar
USER copilot

EXPOSE 8080
# Extra JVM options, e.g. -Xmx1g; the default lets the heap use 75% of the container's memory limit
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75"
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/sales-copilot.jar"]
