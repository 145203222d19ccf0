# Sourced by ./legwatch and ./run-tests: finds a JDK >= 21 and exports JAVA_HOME.
# One place for this logic, so the launcher and the test command agree on the JDK.

# Prints the feature version (17, 21, 25, ...) of the JDK at $1, or nothing.
legwatch_jdk_version() {
  local home="$1"
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  local line
  line=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | grep -m1 'java.specification.version') || return 1
  line=${line##*= }
  line=${line#1.}
  printf '%s\n' "${line%%.*}"
}

# Sets JAVA_HOME to the first JDK >= 21 among: $JAVA_HOME, the javac on PATH,
# and the usual install folders (Debian/Ubuntu, RPM distros, SDKMAN, macOS).
legwatch_find_jdk() {
  local candidates=() c v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    c=$(readlink -f "$(command -v javac)")
    candidates+=("${c%/bin/javac}")
  fi
  for c in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
           /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    v=$(legwatch_jdk_version "$c") || continue
    if [ -n "$v" ] && [ "$v" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$c"
      return 0
    fi
  done
  {
    echo "legwatch: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm, /usr/java, /opt, ~/.sdkman)."
    echo "legwatch: install one (e.g. Temurin 21 or OpenJDK 21) and/or set JAVA_HOME to it."
  } >&2
  return 1
}
