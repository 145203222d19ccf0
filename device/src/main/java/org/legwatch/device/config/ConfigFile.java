package org.legwatch.device.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@code key = value} file: one setting per line, {@code #} starts a comment, blank lines are
 * ignored. Every problem is reported with the file, the line and the key, and all of them at once,
 * so a user fixes the file in one go: unknown keys (with the nearest known key), repeated keys,
 * malformed lines and values that do not parse or are out of range.
 */
public final class ConfigFile {
    private record Entry(String value, int line) {}

    private final String name;
    private final Map<String, Entry> entries;
    private final List<String> problems = new ArrayList<>();

    private ConfigFile(String name, Map<String, Entry> entries, List<String> problems) {
        this.name = name;
        this.entries = entries;
        this.problems.addAll(problems);
    }

    /** Reads a file; only its syntax is checked here, keys and values by the getters and {@link #finish}. */
    public static ConfigFile read(Path file) throws IOException {
        return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** Parses lines (named {@code name} in messages). */
    public static ConfigFile parse(String name, List<String> lines) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (text.isEmpty()) {
                continue;
            }
            int eq = text.indexOf('=');
            if (eq <= 0) {
                problems.add(name + ":" + (i + 1) + ": expected 'key = value', found '" + text + "'");
                continue;
            }
            String key = text.substring(0, eq).strip();
            String value = text.substring(eq + 1).strip();
            Entry before = entries.putIfAbsent(key, new Entry(value, i + 1));
            if (before != null) {
                problems.add(name + ":" + (i + 1) + ": key '" + key + "' is already set on line " + before.line());
            }
        }
        return new ConfigFile(name, entries, problems);
    }

    /** An empty configuration: every setting at its default. */
    public static ConfigFile empty() {
        return new ConfigFile("(defaults)", new LinkedHashMap<>(), List.of());
    }

    /**
     * The value of {@code key} converted by {@code parse} (which throws IllegalArgumentException
     * with the reason), or {@code fallback} when the key is absent or its value is wrong (the
     * problem is kept for {@link #finish}).
     */
    public <T> T get(String key, T fallback, Function<String, T> parse) {
        Entry e = entries.get(key);
        if (e == null) {
            return fallback;
        }
        try {
            return parse.apply(e.value());
        } catch (IllegalArgumentException ex) {
            problems.add(name + ":" + e.line() + ": " + key + " = '" + e.value() + "': " + ex.getMessage());
            return fallback;
        }
    }

    /** Whether the file sets {@code key}. */
    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** Notes a problem that concerns {@code key} (e.g. two settings that contradict each other). */
    public void problem(String key, String message) {
        Entry e = entries.get(key);
        problems.add(name + (e == null ? "" : ":" + e.line()) + ": " + key + ": " + message);
    }

    /**
     * Ends validation: unknown keys are problems too. Throws one {@link ConfigException} listing
     * every problem, if there are any.
     */
    public void finish(Set<String> knownKeys) {
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (!knownKeys.contains(e.getKey())) {
                String near = nearest(e.getKey(), knownKeys);
                problems.add(name + ":" + e.getValue().line() + ": unknown key '" + e.getKey() + "'"
                        + (near == null ? "" : " (did you mean '" + near + "'?)"));
            }
        }
        if (!problems.isEmpty()) {
            List<String> sorted = new ArrayList<>(problems);
            Collections.sort(sorted, (a, b) -> Integer.compare(lineOf(a), lineOf(b)));
            throw new ConfigException("configuration " + name + " has " + sorted.size()
                    + (sorted.size() == 1 ? " problem" : " problems") + ":\n  " + String.join("\n  ", sorted));
        }
    }

    private int lineOf(String problem) {
        int colon = problem.indexOf(':', name.length());
        int next = colon < 0 ? -1 : problem.indexOf(':', colon + 1);
        try {
            return colon < 0 || next < 0 ? 0 : Integer.parseInt(problem.substring(colon + 1, next));
        } catch (NumberFormatException e) {
            return 0; // a problem without a line sorts first
        }
    }

    private static String nearest(String key, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(key, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 3) ? best : null;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
