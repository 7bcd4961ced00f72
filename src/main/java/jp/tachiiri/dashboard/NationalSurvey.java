package jp.tachiiri.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.tachiiri.model.LocalizedText;

/**
 * A national survey whose figures the dashboard shows beside its own, as read from
 * {@code dashboard/national-surveys.json} ({@link NationalSurveys}): who ran it, when, whom it asked and counted
 * ({@code base}: every figure is a share of it), when its results were reported, where they were read, and its
 * figures in the order they are shown. {@code fielded} and {@code respondents} are empty where the sources do not
 * say; {@code note} says anything else the reader must know (e.g. that the figures are preliminary).
 */
public record NationalSurvey(String id, int year, LocalizedText publisher, LocalizedText name, List<Period> fielded,
                             Optional<Respondents> respondents, LocalDate reported, LocalizedText base,
                             Optional<LocalizedText> note, List<String> sources, List<NationalFigure> figures) {

    /** The days the survey was open, both included. */
    public record Period(LocalDate from, LocalDate to) {
    }

    /** How many hospitals were asked and how many replied. */
    public record Respondents(int asked, int replied) {
    }

    public NationalSurvey {
        fielded = List.copyOf(fielded);
        sources = List.copyOf(sources);
        figures = List.copyOf(figures);
    }

    /** The survey's figure for a catalog item, where it has one. */
    public Optional<NationalFigure> figure(String itemId) {
        return figures.stream().filter(figure -> figure.itemId().equals(itemId)).findFirst();
    }
}
