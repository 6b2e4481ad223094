# syntax=docker/dockerfile:1
#
# Backprop container image.
#   docker build -t backprop .
#   docker run -p 8080:8080 -v backprop-data:/app/data backprop
# Without SPRING_DATASOURCE_* variables the app uses its embedded H2 file
# database under /app/data (single instance only). See docker-compose.yml for
# PostgreSQL.

# ---------------------------------------------------------------- build stage
# Java bytecode is platform-neutral, so build on the builder's own platform.
FROM --platform=$BUILDPLATFORM eclipse-temurin:17.0.16_8-jdk-jammy AS build
WORKDIR /workspace

# Wrapper and POM first so the dependency download is cached in its own layer
# until pom.xml changes. go-offline fetches nearly everything; the package step
# below may still download a few artifacts it resolves differently.
# .mvn/maven.config restricts the ND4J native libraries to linux-x86_64.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN chmod +x mvnw && ./mvnw -q -B dependency:go-offline

COPY src src
RUN ./mvnw -q -B package -DskipTests \
 && cp target/backprop-*.jar app.jar \
 && java -Djarmode=tools -jar app.jar extract --layers --destination extracted --application-filename backprop.jar

# ------------------------------------------------------------------ run stage
# The jar carries ND4J native libraries for linux-x86_64 only.
# hadolint ignore=DL3029
FROM --platform=linux/amd64 eclipse-temurin:17.0.16_8-jre-jammy

# The Ubuntu-based Temurin 17 images ship curl; the HEALTHCHECK below uses it.
# Fail the build loudly rather than ship a health check that can never pass.
RUN curl --version > /dev/null \
 && groupadd --system --gid 10001 backprop \
 && useradd --system --uid 10001 --gid backprop --home-dir /app --no-create-home --shell /usr/sbin/nologin backprop \
 && mkdir -p /app/data /tmp/javacpp \
 && chown 10001:10001 /app/data /tmp/javacpp

WORKDIR /app

# Least-frequently changing layers first.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./

# One OpenMP thread per op: training jobs run on their own worker threads, and
# a busy-waiting OpenMP pool would burn the container's CPU quota.
ENV OMP_NUM_THREADS=1 \
    OMP_WAIT_POLICY=PASSIVE

# Heap gets half the container memory. ND4J's off-heap memory goes through
# JavaCPP, which refuses allocations beyond maxbytes of native buffers or once
# the process RSS (heap included) passes maxphysicalbytes. Give the container
# at least 4 GiB for these numbers.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError -Dorg.bytedeco.javacpp.maxbytes=1G -Dorg.bytedeco.javacpp.maxphysicalbytes=3G -Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp"

# Class Data Sharing: a training run (the context starts, then exits) records every class that start-up loads in
# backprop.jsa; each start then maps them from it instead of reading, verifying and linking them from the jars
# again, which halves start-up CPU time. The archive only fits this JVM and these jars (-jar backprop.jar with lib/
# next to it, not the JarLauncher), so it is made here; if the JVM rejects it, it starts without it.
# The run uses an in-memory database and its own JavaCPP cache, neither of which stays in the image.
# -Dspring.aot.enabled=true, here and in the ENTRYPOINT: the context the build processed ahead of time (generated bean
# definitions and repositories; see pom.xml), so the archive holds the classes that start-up loads. Bean conditions
# were settled at build time; properties, profiles' property files and environment variables are still read at start.
RUN java -XX:ArchiveClassesAtExit=backprop.jsa -Dspring.context.exit=onRefresh -Dspring.aot.enabled=true \
      -Dorg.bytedeco.javacpp.cachedir=/tmp/cds-javacpp -jar backprop.jar --spring.datasource.url=jdbc:h2:mem:cds \
 && rm -rf /tmp/cds-javacpp

# H2 file database (default datasource: jdbc:h2:file:./data/backprop).
# /tmp/javacpp (native libraries unpacked on first use, ~400 MB) exists and is
# owned by the app user so that a volume mounted there is writable too.
VOLUME ["/app/data"]

USER 10001:10001
EXPOSE 8080

# Readiness answers 200 only once the app accepts traffic (503 otherwise).
# start-period covers JVM start and Flyway migrations (5–10 s on 2 cores).
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS -o /dev/null http://127.0.0.1:8080/actuator/health/readiness || exit 1

ENTRYPOINT ["java", "-XX:SharedArchiveFile=backprop.jsa", "-Dspring.aot.enabled=true", "-jar", "backprop.jar"]
