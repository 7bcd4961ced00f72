package jp.tachiiri.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The app's background for disk work: in order, back on the JavaFX thread, and no failure lost on the way. */
class StoreExecutorTest {

    private final StoreExecutor executor = new StoreExecutor();

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void anErrorInTheWorkReachesTheScreenWrappedInsteadOfLeavingItWaiting() throws Exception {
        CompletableFuture<RuntimeException> failed = new CompletableFuture<>();
        CompletableFuture<Boolean> onScreenThread = new CompletableFuture<>();

        executor.<String>submit(() -> {
            throw new OutOfMemoryError("simulated");
        }, result -> failed.completeExceptionally(new AssertionError("no result expected")), failure -> {
            onScreenThread.complete(Platform.isFxApplicationThread());
            failed.complete(failure);
        });

        RuntimeException failure = failed.get(10, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(CompletionException.class).hasCauseInstanceOf(OutOfMemoryError.class);
        assertThat(onScreenThread.get()).isTrue();
    }

    @Test
    void workRunsInTheOrderGivenAndTheThreadSurvivesAFailure() throws Exception {
        List<Integer> done = new ArrayList<>();
        CompletableFuture<List<Integer>> all = new CompletableFuture<>();
        for (int i = 0; i < 20; i++) {
            int task = i;
            executor.submit(() -> {
                if (task == 5) {
                    throw new StackOverflowError();
                }
                return task;
            }, done::add, failure -> done.add(-task));
        }
        executor.submit(() -> 0, last -> all.complete(List.copyOf(done)), all::completeExceptionally);

        List<Integer> order = all.get(10, TimeUnit.SECONDS);
        assertThat(order).hasSize(20).startsWith(0, 1, 2, 3, 4, -5, 6).endsWith(19);
    }
}
