package jp.tachiiri.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import jp.tachiiri.model.Language;
import org.junit.jupiter.api.Test;

/**
 * Review of the backup work merged with the sealed bundles: role.restoreHint (RoleView, through Messages.get, so
 * MessageFormat) has a lone apostrophe, which MessageFormat swallows: the first start shows "restore that ones backup".
 */
class ApostropheReviewTest {

    @Test
    void theFirstStartsRestoreHintKeepsItsApostrophe() {
        assertThat(Messages.of(Language.EN).get("role.restoreHint")).contains("that one's backup");
    }
}
