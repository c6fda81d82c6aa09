# Sourced by Basalt's scripts: finds a JDK 25+ (JAVA_HOME if it is one, else /usr/lib/jvm) and sets the
# JVM flags the engine needs. Nobody has to export JAVA_HOME by hand.

basalt_java_version() { # prints the feature version of the java binary $1
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

basalt_find_jdk() {
  local candidate
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(basalt_java_version "$JAVA_HOME/bin/java")" -ge 25 ] 2>/dev/null; then
    echo "$JAVA_HOME"; return 0
  fi
  for candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25* /usr/lib/jvm/jdk-25* /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(basalt_java_version "$candidate/bin/java")" -ge 25 ] 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

if ! BASALT_JAVA_HOME="$(basalt_find_jdk)"; then
  echo "basalt: a JDK 25 or newer is required (looked at JAVA_HOME and /usr/lib/jvm)" >&2
  exit 1
fi
export JAVA_HOME="$BASALT_JAVA_HOME"
export PATH="$JAVA_HOME/bin:$PATH"
BASALT_JVM_FLAGS="--add-modules=jdk.incubator.vector --add-opens=java.base/java.nio=ALL-UNNAMED --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
# Maven itself (guava, jansi) warns about sun.misc.Unsafe on JDK 25; that noise is not ours.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
