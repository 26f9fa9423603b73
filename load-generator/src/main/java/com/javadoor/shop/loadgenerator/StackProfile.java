package com.javadoor.shop.loadgenerator;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One process's profile in async-profiler's collapsed format ({@code frame;frame;...;leaf weight}, outermost
 * frame first), summed up by library: each sample is charged to the innermost frame of a library on its
 * stack. The JDK's own classes (collections, NIO, ...) are charged to the library that called them, so H2
 * writing its file counts as H2. A stack without a Java frame of any library belongs to the JVM itself:
 * its JIT compilers, its collector, or the rest (the VM thread, safepoints, the kernel's side of it).
 * The weight is samples of CPU time, or bytes for an allocation profile.
 *
 * <p>Stacks recorded with async-profiler's {@code threads} option begin with the thread's name, which
 * also sums them up by thread, what varies in a pool's names replaced by {@code #} so that it counts as one:
 * {@code http-nio-#-exec-#} is Tomcat's request threads, {@code order-intake} the thread that stores
 * accepted orders, {@code kafka-producer-network-thread | producer-#} the producers' I/O.
 */
record StackProfile(long total, Map<String, Long> byLibrary, Map<String, Long> byThread) {

    static final String COMPILER = "JVM: JIT compilers";
    static final String COLLECTOR = "JVM: collector";
    static final String JVM = "JVM: other";
    static final String JDK = "the JDK";

    /** Package prefixes and the name a reader knows them by; the first match wins, so the narrower come first. */
    private static final List<Map.Entry<String, String>> LIBRARIES = List.of(
            Map.entry("com/javadoor/shop/", "the shop's code"),
            Map.entry("org/h2/", "H2"),
            Map.entry("org/apache/tomcat/", "Tomcat"),
            Map.entry("org/apache/coyote/", "Tomcat"),
            Map.entry("org/apache/catalina/", "Tomcat"),
            Map.entry("org/springframework/kafka/", "Spring for Apache Kafka"),
            Map.entry("org/springframework/web/", "Spring MVC"),
            Map.entry("org/springframework/http/", "Spring MVC"),
            Map.entry("org/springframework/", "Spring"),
            Map.entry("org/apache/kafka/streams/", "Kafka Streams"),
            Map.entry("org/apache/kafka/clients/", "Kafka clients"),
            // The network layer and the record formats: the broker's as much as the clients'.
            Map.entry("org/apache/kafka/common/", "Kafka common"),
            Map.entry("org/apache/kafka/", "Kafka broker"),
            Map.entry("kafka/", "Kafka broker"),
            Map.entry("scala/", "Kafka broker"),
            Map.entry("com/yammer/metrics/", "Yammer metrics"),
            Map.entry("tools/jackson/", "Jackson"),
            Map.entry("com/fasterxml/jackson/", "Jackson"),
            Map.entry("org/hibernate/validator/", "Hibernate Validator"),
            Map.entry("jakarta/validation/", "Hibernate Validator"),
            Map.entry("jakarta/mail/", "Jakarta Mail"),
            Map.entry("jakarta/activation/", "Jakarta Mail"),
            Map.entry("org/eclipse/angus/", "Jakarta Mail"),
            Map.entry("com/sun/mail/", "Jakarta Mail"),
            Map.entry("com/icegreen/greenmail/", "GreenMail"),
            Map.entry("com/zaxxer/hikari/", "HikariCP"),
            Map.entry("ch/qos/logback/", "logging"),
            Map.entry("org/slf4j/", "logging"),
            Map.entry("org/apache/logging/", "logging"),
            Map.entry("io/micrometer/", "Micrometer"));

    private static final List<String> JDK_PACKAGES = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/");

    /** A Java method as async-profiler writes it: {@code org/h2/mvstore/Page.copy}, a lambda's class included. */
    private static final Pattern JAVA_FRAME = Pattern.compile("^[A-Za-z_$][\\w$]*(/[\\w$]+)+\\..+");
    /** HotSpot's JIT: its compiler threads, whichever compiler they run. */
    private static final Pattern COMPILING = Pattern.compile("CompileBroker::|C2Compiler::|Compiler::compile");
    /** HotSpot's collectors at work, in the VM thread (Serial, Parallel) or their own threads (G1, ZGC). */
    private static final Pattern COLLECTING = Pattern.compile(
            "GenCollect|DefNewGeneration|TenuredGeneration|SerialHeap|VM_GC|VM_CollectFor|PSScavenge|PSParallelCompact"
                    + "|G1|ZGC|ZDriver|ShenandoahControl|GCTaskThread|WorkerThread::run|CollectedHeap::collect");
    /** The first frame of a stack recorded with the {@code threads} option: {@code [name tid=1234]}. */
    private static final Pattern THREAD = Pattern.compile("^\\[(.*) tid=\\d+]$");
    /** What varies within a pool's names: ids, addresses, and numbers not part of a word (C2 stays C2). */
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+(:\\d+)?");
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z])\\d+");
    /** What async-profiler appends to a frame to say what kind it is ({@code _[k]} for the kernel, ...). */
    private static final Pattern ANNOTATION = Pattern.compile("_\\[.]$");

    static StackProfile parse(String collapsed) {
        Map<String, Long> byLibrary = new TreeMap<>();
        Map<String, Long> byThread = new TreeMap<>();
        long total = 0;
        for (String line : collapsed.split("\n")) {
            int space = line.lastIndexOf(' ');
            if (space <= 0) {
                continue;
            }
            long weight = Long.parseLong(line.substring(space + 1).trim());
            String[] frames = line.substring(0, space).split(";");
            Matcher thread = THREAD.matcher(frames[0]);
            if (thread.matches()) {
                byThread.merge(pool(thread.group(1)), weight, Long::sum);
                frames = Arrays.copyOfRange(frames, 1, frames.length);
            }
            byLibrary.merge(chargedTo(frames), weight, Long::sum);
            total += weight;
        }
        return new StackProfile(total, byLibrary, byThread);
    }

    /** A thread's name without what tells the threads of one pool apart. */
    static String pool(String thread) {
        String name = UUID.matcher(thread).replaceAll("#");
        name = ADDRESS.matcher(name).replaceAll("#");
        return NUMBER.matcher(name).replaceAll("#");
    }

    /** The libraries, largest first, with what they weigh per order in the unit the caller chooses. */
    Map<String, Double> perOrderByLibrary(double processTotalPerOrder) {
        return split(byLibrary, processTotalPerOrder);
    }

    /** The same by thread (pool), largest first; empty for stacks recorded without their threads. */
    Map<String, Double> perOrderByThread(double processTotalPerOrder) {
        return split(byThread, processTotalPerOrder);
    }

    private Map<String, Double> split(Map<String, Long> weights, double processTotalPerOrder) {
        Map<String, Double> shares = new LinkedHashMap<>();
        weights.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(part -> shares.put(part.getKey(), total == 0 ? 0 : processTotalPerOrder * part.getValue() / total));
        return shares;
    }

    static String chargedTo(String[] frames) {
        boolean javaFrames = false;
        for (int i = frames.length - 1; i >= 0; i--) {
            String frame = ANNOTATION.matcher(frames[i]).replaceFirst("");
            if (!JAVA_FRAME.matcher(frame).matches()) {
                continue;
            }
            javaFrames = true;
            String library = library(frame);
            if (library != null) {
                return library;
            }
        }
        if (javaFrames) {
            return JDK;
        }
        String stack = String.join(";", frames);
        if (COMPILING.matcher(stack).find()) {
            return COMPILER;
        }
        return COLLECTING.matcher(stack).find() ? COLLECTOR : JVM;
    }

    /** The library a Java frame belongs to; null for the JDK's own classes. */
    private static String library(String frame) {
        for (Map.Entry<String, String> library : LIBRARIES) {
            if (frame.startsWith(library.getKey())) {
                return library.getValue();
            }
        }
        for (String jdk : JDK_PACKAGES) {
            if (frame.startsWith(jdk)) {
                return null;
            }
        }
        // Anything else by its first two package names: org/apache/..., io/netty/...
        String[] packages = frame.split("/");
        return packages.length > 2 ? packages[0] + "/" + packages[1] : frame.substring(0, frame.lastIndexOf('.'));
    }
}
