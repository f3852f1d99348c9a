# Sourced by the launchers: find_jdk prints the home of a JDK >= 21 (JAVA_HOME when it
# qualifies, else the newest under /usr/lib/jvm), or fails with a message.
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

find_jdk() {
  local v
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(java_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then echo "$JAVA_HOME"; return; fi
  fi
  local best="" best_v=0 d
  for d in /usr/lib/jvm/*; do
    [ -x "$d/bin/javac" ] && [ ! -L "$d" ] || continue
    v=$(java_major "$d")
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best=$d; best_v=$v; fi
  done
  [ -n "$best" ] || { echo "jovn: no JDK >= 21 found; set JAVA_HOME" >&2; return 1; }
  echo "$best"
}

# Quiets the JDK 24+ warning about Maven's own use of sun.misc.Unsafe.
quiet_maven() {
  local v
  v=$(java_major "$JAVA_HOME")
  if [ -n "$v" ] && [ "$v" -ge 24 ]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
}
