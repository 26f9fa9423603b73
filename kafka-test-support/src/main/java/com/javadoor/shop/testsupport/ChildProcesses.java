package com.javadoor.shop.testsupport;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Ending the processes a test started (brokers, services), so that none outlives its test. */
public final class ChildProcesses {

    private ChildProcesses() {
    }

    /**
     * Stops a process with SIGTERM, or SIGKILL when {@code forcibly}, and waits for it to end. One that
     * is still there after {@code grace} (a broker hanging in its controlled shutdown, say) is killed,
     * so that it does not keep its ports and files for the tests after it.
     */
    public static void stop(Process process, boolean forcibly, Duration grace) {
        if (forcibly) {
            process.destroyForcibly();
        }
        else {
            process.destroy();
        }
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
