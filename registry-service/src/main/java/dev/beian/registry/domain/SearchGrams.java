package dev.beian.registry.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The n-grams of substring search: a filing's search text is indexed by all its one- and two-character
 * grams (without whitespace), and a query looks up a few of its own.
 */
public final class SearchGrams {

    /** Enough grams to narrow the candidates; the LIKE recheck does the rest. */
    private static final int MAX_GRAMS = 8;

    private SearchGrams() {
    }

    /** Every distinct one- and two-character gram of the text, for the index. */
    public static List<String> forIndex(String text) {
        int[] cps = text.codePoints().toArray();
        Set<String> grams = new LinkedHashSet<>();
        for (int i = 0; i < cps.length; i++) {
            addIfNoSpace(grams, new String(cps, i, 1));
            if (i + 1 < cps.length) {
                addIfNoSpace(grams, new String(cps, i, 2));
            }
        }
        return List.copyOf(grams);
    }

    public static List<String> forQuery(String searchForm) {
        int[] cps = searchForm.codePoints().toArray();
        Set<String> grams = new LinkedHashSet<>();
        if (cps.length == 1) {
            addIfNoSpace(grams, new String(cps, 0, 1));
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            addIfNoSpace(grams, new String(cps, i, 2));
        }
        if (grams.isEmpty()) {
            for (int cp : cps) {
                addIfNoSpace(grams, new String(new int[]{cp}, 0, 1));
            }
        }
        List<String> all = List.copyOf(grams);
        if (all.size() <= MAX_GRAMS) {
            return all;
        }
        // Spread the chosen grams over the whole query.
        List<String> chosen = new java.util.ArrayList<>();
        for (int i = 0; i < MAX_GRAMS; i++) {
            chosen.add(all.get(i * (all.size() - 1) / (MAX_GRAMS - 1)));
        }
        return List.copyOf(new LinkedHashSet<>(chosen));
    }

    private static void addIfNoSpace(Set<String> grams, String gram) {
        if (gram.chars().noneMatch(Character::isWhitespace)) {
            grams.add(gram);
        }
    }
}
