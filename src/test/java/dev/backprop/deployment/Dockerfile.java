package dev.backprop.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.Yaml;

/**
 * Just enough of a Dockerfile parser for the deployment tests: instructions with their continuation lines joined
 * and comments dropped, split into build stages, ENV in both forms, exec-form (JSON) ENTRYPOINT.
 */
final class Dockerfile {

    /** The repository's Dockerfile, relative to the project directory (Maven's working directory for tests). */
    static final Path PATH = Path.of("Dockerfile");

    /** One instruction: its keyword in upper case and its arguments as written, continuation lines joined. */
    record Instruction(String keyword, String arguments) {
    }

    /** One build stage: its FROM instruction and every instruction after it up to the next FROM. */
    record Stage(Instruction from, List<Instruction> instructions) {

        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }

        Optional<Instruction> last(String keyword) {
            List<Instruction> matching = all(keyword);
            return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
        }

        /** The image reference of FROM, without flags such as --platform and without "AS name". */
        String image() {
            return words(from.arguments()).stream().filter(w -> !w.startsWith("--")).findFirst().orElseThrow();
        }

        /** The stage name of "FROM image AS name", or null. */
        String name() {
            List<String> words = words(from.arguments());
            for (int i = 0; i + 1 < words.size(); i++) {
                if (words.get(i).equalsIgnoreCase("AS")) {
                    return words.get(i + 1);
                }
            }
            return null;
        }

        /** Every variable set by this stage's ENV instructions, later values winning. */
        Map<String, String> env() {
            Map<String, String> env = new LinkedHashMap<>();
            for (Instruction instruction : all("ENV")) {
                env.putAll(parseEnv(instruction.arguments()));
            }
            return env;
        }

        /** The last WORKDIR of this stage. */
        String workdir() {
            return last("WORKDIR").map(Instruction::arguments).orElse("/");
        }
    }

    private final List<Instruction> instructions;
    private final List<Stage> stages;

    private Dockerfile(List<Instruction> instructions) {
        this.instructions = instructions;
        this.stages = new ArrayList<>();
        Instruction from = null;
        List<Instruction> current = null;
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("FROM")) {
                if (from != null) {
                    stages.add(new Stage(from, List.copyOf(current)));
                }
                from = instruction;
                current = new ArrayList<>();
            } else if (current != null) {
                current.add(instruction);
            }
        }
        if (from != null) {
            stages.add(new Stage(from, List.copyOf(current)));
        }
    }

    static Dockerfile read() {
        try {
            return parse(Files.readString(PATH));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + PATH.toAbsolutePath(), e);
        }
    }

    static Dockerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = null;
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            // Comment lines (parser directives included) are dropped, also inside a continued instruction.
            if (trimmed.startsWith("#")) {
                continue;
            }
            if (pending == null && trimmed.isEmpty()) {
                continue;
            }
            boolean continues = trimmed.endsWith("\\");
            String content = continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
            pending = pending == null ? new StringBuilder(content) : pending.append(' ').append(content);
            if (!continues) {
                instructions.add(instruction(pending.toString()));
                pending = null;
            }
        }
        if (pending != null) {
            instructions.add(instruction(pending.toString()));
        }
        return new Dockerfile(instructions);
    }

    private static Instruction instruction(String line) {
        String[] parts = line.strip().split("\\s+", 2);
        return new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1].strip() : "");
    }

    List<Instruction> instructions() {
        return instructions;
    }

    List<Stage> stages() {
        return stages;
    }

    /** The stage the image is made of. */
    Stage finalStage() {
        return stages.get(stages.size() - 1);
    }

    Stage stage(String name) {
        return stages.stream().filter(s -> name.equals(s.name())).findFirst()
                .orElseThrow(() -> new AssertionError("Dockerfile has no stage named " + name));
    }

    /** The final stage's ENTRYPOINT, which must be in exec (JSON array) form. */
    List<String> entrypoint() {
        String json = finalStage().last("ENTRYPOINT")
                .orElseThrow(() -> new AssertionError("Dockerfile has no ENTRYPOINT")).arguments();
        if (!json.startsWith("[")) {
            throw new AssertionError("ENTRYPOINT is not in exec form (a JSON array): " + json);
        }
        // A JSON array of strings is also YAML.
        List<?> parsed = new Yaml().load(json);
        return parsed.stream().map(String::valueOf).toList();
    }

    /** ENV arguments: "key=value ..." (values may be quoted) or the legacy "key value". */
    static Map<String, String> parseEnv(String arguments) {
        Map<String, String> env = new LinkedHashMap<>();
        List<String> words = words(arguments);
        if (!words.isEmpty() && !words.get(0).contains("=")) {
            env.put(words.get(0), arguments.strip().substring(arguments.strip().indexOf(' ') + 1).strip());
            return env;
        }
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new AssertionError("Cannot parse ENV " + arguments);
            }
            env.put(word.substring(0, eq), word.substring(eq + 1));
        }
        return env;
    }

    /** Splits on whitespace outside quotes and removes the quotes (a backslash escapes the next character). */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && quote != '\'') {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new AssertionError("Unbalanced quote in: " + text);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
