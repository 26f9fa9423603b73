package com.javadoor.shop.loadgenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shop's processes as Linux sees them, found by the {@code -Dkafka-shop.part=<name>} that
 * {@code local/shop.sh} gives each: CPU time spent (utime + stime of /proc/&lt;pid&gt;/stat), peak and
 * current resident memory (VmHWM and VmRSS of /proc/&lt;pid&gt;/status), its proportional share of that
 * (Pss of /proc/&lt;pid&gt;/smaps_rollup: a page that n processes map counts 1/n in each, so the shares of
 * several processes add up to the memory they hold together) and the bytes it has sent towards the disk
 * (write_bytes of /proc/&lt;pid&gt;/io: counted when the process dirties a page of a file, whether or not
 * the kernel has written it out yet; sockets and pipes do not count). Empty where there is no /proc or no
 * such process; the bytes are 0 where the kernel does not count them.
 */
final class ShopProcesses {

    private static final Pattern PART = Pattern.compile("-Dkafka-shop\\.part=([A-Za-z0-9-]+)");
    /** USER_HZ: 100 on every Linux architecture Java runs on; /proc reports CPU time in these ticks. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** @param pssKiB 0 where the kernel has no smaps_rollup (before 4.14) */
    record Sample(String part, long pid, double cpuSeconds, long peakRssKiB, long rssKiB, long pssKiB,
            long diskWrittenBytes) {

        /**
         * What the process spent since {@code earlier} (CPU, bytes written; its memory as it is now): all of it
         * if there was no earlier sample of it, or the part has been restarted since as another process.
         */
        Sample since(Sample earlier) {
            if (earlier == null || earlier.pid() != pid) {
                return this;
            }
            return new Sample(part, pid, cpuSeconds - earlier.cpuSeconds(), peakRssKiB, rssKiB, pssKiB,
                    diskWrittenBytes - earlier.diskWrittenBytes());
        }
    }

    static Map<String, Sample> sample() {
        Map<String, Sample> samples = new TreeMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    String commandLine = new String(Files.readAllBytes(process.resolve("cmdline")),
                            StandardCharsets.UTF_8).replace('\0', ' ');
                    Matcher part = PART.matcher(commandLine);
                    if (part.find()) {
                        long pid = Long.parseLong(process.getFileName().toString());
                        List<String> status = Files.readAllLines(process.resolve("status"));
                        samples.put(part.group(1), new Sample(part.group(1), pid, cpuSeconds(process),
                                kiB(status, "VmHWM:"), kiB(status, "VmRSS:"), pssKiB(process), diskWrittenBytes(process)));
                    }
                }
                catch (IOException | RuntimeException gone) {
                    // the process ended while being read
                }
            }
        }
        catch (IOException noProc) {
            return samples;
        }
        return samples;
    }

    static double ownCpuSeconds() {
        try {
            return cpuSeconds(Path.of("/proc/self"));
        }
        catch (IOException noProc) {
            return 0;
        }
    }

    private static double cpuSeconds(Path process) throws IOException {
        String stat = Files.readString(process.resolve("stat"));
        // fields after the command name, which is in parentheses and may itself contain spaces
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    private static long diskWrittenBytes(Path process) {
        try {
            for (String line : Files.readAllLines(process.resolve("io"))) {
                if (line.startsWith("write_bytes:")) {
                    return Long.parseLong(line.substring("write_bytes:".length()).trim());
                }
            }
        }
        catch (IOException | RuntimeException notCounted) {
            // no I/O accounting in this kernel, or not allowed to read another user's
        }
        return 0;
    }

    private static long pssKiB(Path process) {
        try {
            return kiB(Files.readAllLines(process.resolve("smaps_rollup")), "Pss:");
        }
        catch (IOException | RuntimeException notShown) {
            // a kernel before 4.14, or another user's process
            return 0;
        }
    }

    /** The value of {@code field} among the "name: value kB" lines of a /proc file. */
    private static long kiB(List<String> lines, String field) {
        for (String line : lines) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }
}
