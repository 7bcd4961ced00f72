package jp.tachiiri.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Supplier;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.ui.facility.FacilityViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * For view model tests without a screen: a real SQLite workspace in a fresh folder, seeded with the demo
 * prefecture, open for each test.
 */
public abstract class DemoWorkspaceFixture {

    /** Runs the store work at once, on the calling thread, as the app's executor would do in the background. */
    protected static final FacilityViewModel.Worker NOW = new FacilityViewModel.Worker() {
        @Override
        public <T> void submit(Supplier<T> work, Consumer<T> onSuccess, Consumer<RuntimeException> onFailure) {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        }
    };

    protected static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-10T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
    protected static final String MIZUHO = "demo-mizuho";

    @TempDir
    protected Path data;

    protected Workspace workspace;

    @BeforeEach
    void openWorkspace() {
        workspace = Workspace.open(data, CLOCK);
        workspace.demoData().seed();
    }

    @AfterEach
    void closeWorkspace() {
        workspace.close();
    }
}
