package jp.tachiiri.workbook;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import jp.tachiiri.i18n.DateText;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;

/**
 * A self-check workbook that was refused, whole: the file and every problem found in it, each a message key with its
 * arguments (a cell's problem names the sheet and the cell first). A file refused for what it is (not a workbook, a
 * hostile one, another hospital's) has one problem; a form whose cells are wrong has one per wrong cell, so that the
 * hospital can fix them all at once. {@link #key()} and {@link #arguments()} are the first problem's.
 */
public final class WorkbookException extends UserFacingException {

    private static final long serialVersionUID = 1L;
    /** How many problems a message lists; the rest are counted. */
    static final int LISTED = 20;

    private final String file;
    private final transient List<UserFacingException> problems;

    private WorkbookException(Path file, List<UserFacingException> problems, Throwable cause) {
        super(cause, problems.get(0).key(), problems.get(0).arguments());
        this.file = String.valueOf(file.getFileName());
        this.problems = List.copyOf(problems);
    }

    /** The file refused for one problem. */
    static WorkbookException of(Path file, String key, Object... arguments) {
        return new WorkbookException(file, List.of(new UserFacingException(key, arguments)), null);
    }

    /** As {@link #of}, with the library's or the file system's failure that revealed it. */
    static WorkbookException because(Throwable cause, Path file, String key, Object... arguments) {
        return new WorkbookException(file, List.of(new UserFacingException(key, arguments)), cause);
    }

    /** The file refused for its cells' problems (at least one). */
    static WorkbookException of(Path file, List<UserFacingException> problems) {
        return new WorkbookException(file, problems, null);
    }

    /** The file's name as the message gives it. */
    public String file() {
        return file;
    }

    /** Every problem found, in the order of the form. */
    public List<UserFacingException> problems() {
        return problems;
    }

    @Override
    protected String describe(Messages messages) {
        if (problems.size() == 1) {
            return messages.get("workbook.error.file", file, told(problems.get(0), messages));
        }
        StringBuilder text = new StringBuilder(messages.get("workbook.error.fileProblems", file, problems.size()));
        problems.stream().limit(LISTED).forEach(problem -> text.append("\n・").append(told(problem, messages)));
        if (problems.size() > LISTED) {
            text.append("\n・").append(messages.get("workbook.error.moreProblems", problems.size() - LISTED));
        }
        return text.toString();
    }

    /** A problem in the messages' language, its dates as the screens show them (2026年6月1日, 1 Jun 2026). */
    private static String told(UserFacingException problem, Messages messages) {
        Object[] arguments = problem.arguments();
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof LocalDate date) {
                arguments[i] = DateText.format(date, messages.language());
            }
        }
        return messages.get(problem.key(), arguments);
    }
}
