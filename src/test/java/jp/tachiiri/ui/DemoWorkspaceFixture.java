package jp.tachiiri.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Language;
import jp.tachiiri.testsupport.SameThread;
import jp.tachiiri.ui.common.ViewModelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * For view model tests without a screen: a real SQLite workspace in a fresh folder, seeded with the demo
 * prefecture, open for each test.
 */
public abstract class DemoWorkspaceFixture {

    protected static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-10T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
    protected static final String MIZUHO = "demo-mizuho";

    @TempDir
    protected Path data;

    protected Workspace workspace;

    @BeforeEach
    void openWorkspace() {
        workspace = Workspace.open(data, CLOCK);
        workspace.demo().seed();
    }

    /** What a view model gets, its disk work run at once on the test's thread. */
    protected ViewModelContext models(Language language) {
        return new ViewModelContext(workspace, new SameThread(), Messages.of(language));
    }

    @AfterEach
    void closeWorkspace() {
        workspace.close();
    }
}
