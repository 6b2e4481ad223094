package dev.backprop.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = first("/proc/cpuinfo", "model name").replaceFirst(".*:\\s*", "");
        String memory = first("/proc/meminfo", "MemTotal").replaceAll("[^0-9]", "");
        long gb = memory.isEmpty() ? 0 : Math.round(Long.parseLong(memory) / 1024.0 / 1024.0);
        return String.format("%s, %d cores, %d GB RAM, %s %s, Java %s (%s); load average at start: %s", cpu,
                Runtime.getRuntime().availableProcessors(), gb, System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), loadAverage());
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String first(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(prefix)).findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
