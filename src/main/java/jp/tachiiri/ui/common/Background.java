package jp.tachiiri.ui.common;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where view models send disk work: it runs off the screen's thread, in the order given, and its result or
 * failure comes back on the screen's thread. The app's is {@link StoreExecutor}; tests run the work at once on
 * their own thread, so a view model is tested without a screen.
 */
public interface Background {

    /**
     * Runs {@code work}, then hands its result to {@code onSuccess}, or its failure to {@code onFailure}: any
     * failure, even an {@link Error}, which then arrives wrapped so that no screen is left waiting.
     */
    <T> void submit(Supplier<T> work, Consumer<T> onSuccess, Consumer<RuntimeException> onFailure);

    /** Hands {@code update} to the screen's thread: progress that work reports while it runs. */
    void toScreen(Runnable update);
}
