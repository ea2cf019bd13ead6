package dev.beian.insights.domain;

/** A code of a reference vocabulary with its names. */
public record Term(String code, String nameZh, String nameEn, int sortOrder) {
}
