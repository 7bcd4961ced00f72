package jp.tachiiri.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Language;

/** What a rejection of hostile input must be: a foreseen problem, told in both languages, naming the input. */
public final class Rejections {

    /** The key the importer gives a failure nobody foresaw; its cause is the bug. */
    private static final String UNEXPECTED = "sync.error.unexpected";

    private Rejections() {
    }

    /** What {@code action} throws, which must be a {@link UserFacingException} of {@code key}. */
    public static UserFacingException assertRefused(Runnable action, String key) {
        UserFacingException[] caught = new UserFacingException[1];
        assertThatThrownBy(action::run).isInstanceOfSatisfying(UserFacingException.class, e -> {
            assertThat(e.key()).isEqualTo(key);
            caught[0] = e;
        });
        return caught[0];
    }

    public static void assertClear(UserFacingException problem, String inputName) {
        if (problem.key().equals(UNEXPECTED)) {
            throw new AssertionError("a failure nobody foresaw: " + problem, problem.getCause());
        }
        for (Language language : Language.values()) {
            assertThat(problem.localizedMessage(language)).as("the message in %s of %s", language, problem).contains(inputName);
        }
    }
}
