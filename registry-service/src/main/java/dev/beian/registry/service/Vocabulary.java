package dev.beian.registry.service;

import dev.beian.registry.domain.CategoryCode;
import dev.beian.registry.domain.Jurisdiction;
import dev.beian.registry.domain.Sector;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reference vocabularies held in memory for validation: they change only through migrations, so they
 * are read once at start-up.
 */
@ApplicationScoped
@Startup
public class Vocabulary {

    private Set<String> jurisdictionCodes = Set.of();
    private Map<String, String> jurisdictionByShortName = Map.of();
    private Map<String, String> jurisdictionByPrefix = Map.of();
    private Set<String> sectorCodes = Set.of();
    private Set<String> regionCodes = Set.of();
    private static final Set<String> CATEGORIES = Arrays.stream(CategoryCode.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    @PostConstruct
    void init() {
        QuarkusTransaction.requiringNew().run(this::load);
    }

    private void load() {
        Map<String, String> byShortName = new HashMap<>();
        Map<String, String> byPrefix = new HashMap<>();
        Set<String> codes = new HashSet<>();
        for (Jurisdiction j : Jurisdiction.<Jurisdiction>listAll()) {
            codes.add(j.code);
            byShortName.put(j.shortNameZh, j.code);
            byShortName.put(j.nameZh, j.code);
            byShortName.put(j.nameEn.toLowerCase(Locale.ROOT), j.code);
            byPrefix.put(j.filingPrefix.toLowerCase(Locale.ROOT), j.code);
        }
        byShortName.put("sasac", "SASAC");
        jurisdictionCodes = Set.copyOf(codes);
        jurisdictionByShortName = Map.copyOf(byShortName);
        jurisdictionByPrefix = Map.copyOf(byPrefix);
        sectorCodes = Sector.<Sector>listAll().stream().map(s -> s.code).collect(Collectors.toUnmodifiableSet());
        Set<String> regions = new HashSet<>(Arrays.asList(Locale.getISOCountries()));
        codes.stream().filter(c -> c.startsWith("CN-")).forEach(regions::add);
        regions.addAll(Set.of("CN-HK", "CN-MO", "CN-TW"));
        regionCodes = Set.copyOf(regions);
    }

    public boolean isJurisdiction(String code) {
        return jurisdictionCodes.contains(code);
    }

    /** Resolves 属地 as the lists write it (北京, 北京市, 国资委, Beijing) or as a code (CN-BJ). */
    public Optional<String> jurisdictionOf(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = Names.normalize(text);
        if (jurisdictionCodes.contains(t.toUpperCase(Locale.ROOT))) {
            return Optional.of(t.toUpperCase(Locale.ROOT));
        }
        String match = jurisdictionByShortName.get(t);
        if (match == null) {
            match = jurisdictionByShortName.get(t.toLowerCase(Locale.ROOT));
        }
        if (match == null && t.startsWith("国资委")) {
            match = "SASAC";
        }
        return Optional.ofNullable(match);
    }

    /** The jurisdiction a filing number's pinyin prefix names (Beijing-..., ZhongYangQiYe-...), if any. */
    public Optional<String> jurisdictionOfFilingNumber(String filingNumber) {
        if (filingNumber == null) {
            return Optional.empty();
        }
        int dash = filingNumber.indexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(jurisdictionByPrefix.get(filingNumber.substring(0, dash).toLowerCase(Locale.ROOT)));
    }

    public boolean isCategory(String code) {
        return CATEGORIES.contains(code);
    }

    public boolean isSector(String code) {
        return sectorCodes.contains(code);
    }

    public boolean isRegion(String code) {
        return regionCodes.contains(code);
    }
}
