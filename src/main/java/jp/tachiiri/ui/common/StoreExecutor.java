package jp.tachiiri.ui.common;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import jp.tachiiri.app.AppLog;
import jp.tachiiri.i18n.UserFacingException;

/**
 * The app's {@link Background}: disk work runs on one thread, one task at a time and in order (so writes land in
 * the order the user made them), and results and failures go back to the JavaFX thread. Every failure is
 * logged; one that no rule expected with its trace.
 */
public final class StoreExecutor implements Background, AutoCloseable {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tachiiri-store");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public <T> void submit(Supplier<T> work, Consumer<T> onSuccess, Consumer<RuntimeException> onFailure) {
        worker.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (Throwable failure) {
                RuntimeException handedOn = handedOn(failure);
                toScreen(() -> onFailure.accept(handedOn));
                return;
            }
            toScreen(() -> onSuccess.accept(result));
        });
    }

    /**
     * The failure as the screen receives it, logged on the way. An {@link Error} (out of memory, a missing
     * class) is wrapped: the screen shows it like any unexpected failure instead of waiting for ever.
     */
    public static RuntimeException handedOn(Throwable failure) {
        if (failure instanceof UserFacingException told) {
            AppLog.told("background work", told.key());
            return told;
        }
        AppLog.unexpected("background work failed", failure);
        return failure instanceof RuntimeException runtime ? runtime : new CompletionException(failure);
    }

    @Override
    public void toScreen(Runnable update) {
        Platform.runLater(update);
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
