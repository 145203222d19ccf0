# Sourced by ./legwatch and ./legwatch-device: builds a module's runnable jar when it is missing or
# older than a source it depends on, then runs it with the JDK that scripts/jdk.sh found.

# legwatch_launch NAME MODULE JAR MODULES... -- ARGS...
#   NAME     the command's name, for messages
#   MODULE   the Maven module to package (its dependencies are built too)
#   JAR      the jar it produces, relative to the repository root
#   MODULES  the folders whose files, when newer than the jar, call for a rebuild
legwatch_launch() {
  local name=$1 module=$2 jar="$root/$3"
  shift 3
  local watched=("$root/pom.xml")
  while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do
    watched+=("$root/$1")
    shift
  done
  [ "$#" -gt 0 ] && shift
  local stale=1
  if [ -f "$jar" ] && [ -z "$(find "${watched[@]}" \( -path '*/target' -prune \) -o -type f -newer "$jar" -print -quit 2>/dev/null)" ]; then
    stale=0
  fi
  if [ "$stale" = 1 ]; then
    echo "$name: building (first use or sources changed)..." >&2
    local log
    log=$(mktemp)
    if ! (cd "$root" && ./mvnw -q -B -DskipTests -pl "$module" -am package >"$log" 2>&1); then
      cat "$log" >&2
      rm -f "$log"
      echo "$name: build failed" >&2
      exit 1
    fi
    rm -f "$log"
  fi
  # jSerialComm loads a native library: allow it (JDK 24 and later warn otherwise).
  exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED ${LEGWATCH_JAVA_OPTS:-} -jar "$jar" "$@"
}
