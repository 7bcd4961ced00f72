package jp.tachiiri.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Runs disk work off the JavaFX thread, one task at a time and in order (so writes land in the order the
 * user made them), and hands results and failures back to the JavaFX thread.
 */
public final class StoreExecutor implements AutoCloseable {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tachiiri-store");
        thread.setDaemon(true);
        return thread;
    });

    public <T> void submit(Supplier<T> work, Consumer<T> onSuccess, Consumer<RuntimeException> onFailure) {
        worker.execute(() -> {
            try {
                T result = work.get();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (RuntimeException e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    /** Lets queued writes finish before the store is closed. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
