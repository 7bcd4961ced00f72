package jp.tachiiri.testsupport;

import java.util.function.Consumer;
import java.util.function.Supplier;
import jp.tachiiri.ui.common.Background;
import jp.tachiiri.ui.common.StoreExecutor;

/**
 * For view model tests without a screen: the work runs at once on the test's thread, and its result or failure
 * is handed on exactly as the app's {@link StoreExecutor} hands it on (an {@link Error} wrapped, every failure
 * logged), only without a thread between.
 */
public final class SameThread implements Background {

    @Override
    public <T> void submit(Supplier<T> work, Consumer<T> onSuccess, Consumer<RuntimeException> onFailure) {
        T result;
        try {
            result = work.get();
        } catch (Throwable failure) {
            onFailure.accept(StoreExecutor.handedOn(failure));
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void toScreen(Runnable update) {
        update.run();
    }
}
