package dev.beian.registry.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchGramsTest {

    @Test
    void indexHoldsBigramsAndChineseCharactersButNotAsciiCharactersAlone() {
        assertEquals(List.of("文", "文心", "心", "心-", "-a", "ab"), SearchGrams.forIndex("文心-ab"));
    }

    @Test
    void whitespaceNeverEntersAGram() {
        assertEquals(List.of("文", "心"), SearchGrams.forIndex("文 心"));
    }

    @Test
    void queriesLookUpGramsTheIndexHolds() {
        assertEquals(List.of("文"), SearchGrams.forQuery("文"));
        assertEquals(List.of("文心"), SearchGrams.forQuery("文心"));
        assertEquals(List.of("ab"), SearchGrams.forQuery("ab"));
        assertEquals(List.of("文", "心"), SearchGrams.forQuery("文 心"));
    }

    @Test
    void asciiQueriesWithoutBigramsLeaveTheTextFilterToDecide() {
        assertTrue(SearchGrams.forQuery("a").isEmpty());
        assertTrue(SearchGrams.forQuery("a b").isEmpty());
    }

    @Test
    void longQueriesLookUpAtMostEightGramsSpreadOverTheQuery() {
        List<String> grams = SearchGrams.forQuery("北京深度求索人工智能基础技术研究有限公司");
        assertEquals(8, grams.size());
        assertEquals("北京", grams.get(0));
        assertEquals("公司", grams.get(grams.size() - 1));
    }
}
