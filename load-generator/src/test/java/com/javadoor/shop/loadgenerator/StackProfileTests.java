package com.javadoor.shop.loadgenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stacks as async-profiler collapses them: outermost frame first, the weight last. */
class StackProfileTests {

    @Test
    void chargesEachSampleToTheInnermostLibraryOnItsStack() {
        StackProfile profile = StackProfile.parse("""
                java/lang/Thread.run;com/javadoor/shop/orderservice/order/OrderIntake.store;org/h2/mvstore/MVStore.store;sun/nio/ch/FileChannelImpl.write;__write_[k] 7
                java/lang/Thread.run;org/apache/tomcat/util/net/NioEndpoint$Poller.run;org/springframework/web/servlet/DispatcherServlet.doService;tools/jackson/databind/ObjectMapper.readValue;java/util/HashMap.get 3
                java/lang/Thread.run;org/apache/tomcat/util/net/NioEndpoint$Poller.run;java/util/HashMap.get 2
                java/lang/Thread.run;com/javadoor/shop/orderservice/order/OrderController$$Lambda.0x00007f.apply 1
                """);

        assertThat(profile.total()).isEqualTo(13);
        assertThat(profile.byLibrary()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "H2", 7L, "Jackson", 3L, "Tomcat", 2L, "the shop's code", 1L));
    }

    @Test
    void tellsTheJvmsOwnThreadsApart() {
        StackProfile profile = StackProfile.parse("""
                thread_native_entry;Thread::call_run;CompileBroker::compiler_thread_loop;C2Compiler::compile_method 5
                thread_native_entry;Thread::call_run;VMThread::run;VM_GenCollectForAllocation::doit;DefNewGeneration::collect 4
                thread_native_entry;Thread::call_run;VMThread::run;SafepointSynchronize::begin;__futex_[k] 1
                java/lang/Thread.run;java/util/concurrent/ThreadPoolExecutor.runWorker;java/lang/Object.wait 2
                """);

        assertThat(profile.byLibrary()).containsExactlyInAnyOrderEntriesOf(Map.of(StackProfile.COMPILER, 5L,
                StackProfile.COLLECTOR, 4L, StackProfile.JVM, 1L, StackProfile.JDK, 2L));
    }

    @Test
    void sumsUpStacksRecordedWithTheirThreadsByThreadPool() {
        StackProfile profile = StackProfile.parse("""
                [http-nio-8080-exec-3 tid=101];java/lang/Thread.run;org/apache/tomcat/util/net/NioEndpoint$SocketProcessor.run 4
                [http-nio-8080-exec-17 tid=102];java/lang/Thread.run;org/apache/tomcat/util/net/NioEndpoint$SocketProcessor.run 2
                [order-intake tid=55];java/lang/Thread.run;org/h2/mvstore/MVStore.store 3
                [VM Thread tid=9];thread_native_entry;VMThread::run;VM_GenCollectForAllocation::doit 1
                """);

        assertThat(profile.byThread()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "http-nio-#-exec-#", 6L, "order-intake", 3L, "VM Thread", 1L));
        // the thread's name is not a frame: the libraries come out as without it
        assertThat(profile.byLibrary()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Tomcat", 6L, "H2", 3L, StackProfile.COLLECTOR, 1L));
        assertThat(profile.perOrderByThread(1.0)).containsExactly(Map.entry("http-nio-#-exec-#", 0.6),
                Map.entry("order-intake", 0.3), Map.entry("VM Thread", 0.1));
    }

    @Test
    void namesAPoolWithoutWhatTellsItsThreadsApart() {
        assertThat(StackProfile.pool("http-nio-8080-exec-17")).isEqualTo("http-nio-#-exec-#");
        assertThat(StackProfile.pool("C2 CompilerThre")).isEqualTo("C2 CompilerThre");
        assertThat(StackProfile.pool("smtp:127.0.0.1:3025<-/127.0.0.1:45678")).isEqualTo("smtp:#<-/#");
        assertThat(StackProfile.pool("insights-sales-0feda5eb-3f1a-4df2-9fc0-a1d2b3c4d5e6-StreamThread-1"))
                .isEqualTo("insights-sales-#-StreamThread-#");
    }

    @Test
    void namesAnUnknownLibraryByItsFirstPackages() {
        assertThat(StackProfile.chargedTo(new String[] { "java/lang/Thread.run", "io/netty/channel/nio/NioEventLoop.run" }))
                .isEqualTo("io/netty");
    }

    @Test
    void splitsAProcessesFigurePerOrderInTheSharesOfItsSamples() {
        StackProfile profile = StackProfile.parse("""
                org/h2/mvstore/MVStore.store 3
                org/apache/kafka/clients/consumer/KafkaConsumer.poll 1
                """);

        Map<String, Double> perOrder = profile.perOrderByLibrary(0.8);
        assertThat(perOrder.keySet()).containsExactly("H2", "Kafka clients");
        assertThat(perOrder.get("H2")).isCloseTo(0.6, within(1e-9));
        assertThat(perOrder.get("Kafka clients")).isCloseTo(0.2, within(1e-9));
    }
}
