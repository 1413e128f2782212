# Sourced by ./mvnw and bin/argus: exports JAVA_HOME pointing at a JDK >= 21.
# Order: JAVA_HOME if it is new enough, then `java` on PATH, then the usual install locations.
argus_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n 1
}
argus_find_jdk() {
  set +f  # callers may run with globbing off
  for candidate in "${JAVA_HOME-}" \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
      /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major="$(argus_java_major "$candidate")"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}
if ARGUS_JDK="$(argus_find_jdk)"; then
  JAVA_HOME="$ARGUS_JDK"
  export JAVA_HOME
else
  echo "Argus needs a JDK 21 or newer: none was found in JAVA_HOME, on PATH or under /usr/lib/jvm; install one (e.g. apt-get install openjdk-21-jdk) and retry." >&2
  exit 1
fi
if [ "$(argus_java_major "$JAVA_HOME")" -ge 24 ]; then
  # silences Maven's own sun.misc.Unsafe warnings on JDK 24+
  MAVEN_OPTS="${MAVEN_OPTS-} --sun-misc-unsafe-memory-access=allow"
  export MAVEN_OPTS
fi
