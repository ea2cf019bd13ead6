package dev.beian.insights.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The statuses a filing had from its filing date on, from its status history, so that "totals by status as
 * of a date" count each filing in the status it had then.
 */
public final class StatusTimeline {

    /** From {@code slot} on, the filing had {@code status}. */
    public record Step(int slot, String status) {
    }

    private StatusTimeline() {
    }

    /**
     * Steps in day order. The first is at the filing date, with the status in force then (or the earliest
     * known). A final status that the history does not date is placed in the undated slot: it counts in
     * current totals but in no "as of" answer. Undated filings have one step, their current status, undated.
     */
    public static List<Step> of(FilingState filing) {
        String current = Dims.orUnknown(filing.status());
        LocalDate filed = filing.filingDate();
        if (filed == null) {
            return List.of(new Step(DayIndex.UNDATED, current));
        }
        List<FilingState.StatusEntry> history = filing.statusHistory().stream()
                .filter(e -> e != null && e.since() != null && e.status() != null && !e.status().isBlank())
                .sorted(Comparator.comparing(FilingState.StatusEntry::since))
                .toList();
        String initial = history.isEmpty() ? current : history.get(0).status();
        for (FilingState.StatusEntry entry : history) {
            if (!entry.since().isAfter(filed)) {
                initial = entry.status();
            }
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(DayIndex.slot(filed), initial));
        String previous = initial;
        for (FilingState.StatusEntry entry : history) {
            if (entry.since().isAfter(filed) && !entry.status().equals(previous)) {
                steps.add(new Step(DayIndex.slot(entry.since()), entry.status()));
                previous = entry.status();
            }
        }
        if (!previous.equals(current)) {
            steps.add(new Step(DayIndex.UNDATED, current));
        }
        return steps;
    }
}
