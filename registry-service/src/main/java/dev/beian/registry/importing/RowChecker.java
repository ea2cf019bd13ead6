package dev.beian.registry.importing;

import dev.beian.common.time.RegisterDates;
import dev.beian.common.text.TextRules;
import dev.beian.registry.domain.FilingKind;
import dev.beian.registry.domain.FilingStatus;
import dev.beian.registry.domain.WeightsAccess;
import dev.beian.registry.service.Names;
import dev.beian.registry.service.Vocabulary;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a raw row into a checked one, catching the known defects of the CAC lists instead of storing them:
 * model name and entity swapped (March 2025, rows 340-345), a stray character before the entity name
 * (June 2025, row 414), jurisdictions that contradict the filing number, algorithm-registry numbers
 * (网信算备...) in the filing-number column, and filing numbers dated after the filing itself.
 */
public class RowChecker {

    /** {@code <Jurisdiction pinyin>-<Model>-<YYYYMMDD>[NNNN]}; the model part may itself hold dashes. */
    private static final Pattern FILING_NUMBER = Pattern.compile("[A-Za-z]+-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*-(\\d{8})(\\d{4})?");
    private static final List<String> ORGANIZATION_SUFFIXES = List.of(
            "公司", "集团", "研究院", "研究所", "大学", "学院", "中心", "委员会", "实验室", "银行", "医院", "通讯社", "报社", "出版社");
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d");
    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("uuuu年M月d日");
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("uuuu.M.d");

    private final Vocabulary vocabulary;
    private final FilingKind defaultKind;
    private final String defaultBatch;

    public RowChecker(Vocabulary vocabulary, FilingKind defaultKind, String defaultBatch) {
        this.vocabulary = vocabulary;
        this.defaultKind = defaultKind;
        this.defaultBatch = defaultBatch;
    }

    public ImportRow check(RawRow raw) {
        if (raw.unreadable() != null) {
            throw new RowRejected(raw.unreadable());
        }
        for (var cell : raw.values().entrySet()) {
            String violation = TextRules.violation(cell.getValue());
            if (violation != null) {
                throw new RowRejected("column " + cell.getKey().label() + " " + violation);
            }
        }
        String name = Names.clean(raw.get(ImportField.NAME));
        String organization = Names.clean(raw.get(ImportField.ORGANIZATION));
        if (name == null) {
            throw new RowRejected("model/service name (模型名称) is empty");
        }
        if (organization == null) {
            throw new RowRejected("filing entity (备案单位) is empty");
        }
        if (looksLikeOrganization(name) && !looksLikeOrganization(organization)) {
            throw new RowRejected("model name '" + name + "' and entity '" + organization + "' look swapped");
        }
        if (!startsCleanly(organization)) {
            throw new RowRejected("entity name '" + organization + "' starts with a stray character");
        }
        if (name.length() > 200 || organization.length() > 200) {
            throw new RowRejected("name or entity longer than 200 characters");
        }
        String number = filingNumber(raw.get(ImportField.FILING_NUMBER));
        LocalDate filingDate = date(raw.get(ImportField.FILING_DATE));
        checkNumberDate(number, filingDate);
        String jurisdiction = jurisdiction(raw.get(ImportField.JURISDICTION), number);
        FilingKind kind = kind(raw.get(ImportField.KIND));
        Integer sequenceNo = positiveInt(raw.get(ImportField.SEQUENCE_NO), "sequence number (序号)");
        if (number == null && sequenceNo == null) {
            throw new RowRejected("has neither a filing number nor a sequence number, so it cannot be matched on re-import");
        }
        return new ImportRow(raw.rowNumber(), number, kind, sequenceNo, name, Names.clean(raw.get(ImportField.NAME_EN)),
                organization, jurisdiction, filingDate,
                Optional.ofNullable(Names.clean(raw.get(ImportField.PUBLICATION_BATCH))).orElse(defaultBatch),
                codes(raw.get(ImportField.CATEGORIES), vocabulary::isCategory, "category"),
                codes(raw.get(ImportField.SECTORS), vocabulary::isSector, "sector"),
                enumOf(raw.get(ImportField.WEIGHTS_ACCESS), WeightsAccess.class, "weights access"),
                enumOf(raw.get(ImportField.STATUS), FilingStatus.class, "status"),
                Names.clean(raw.get(ImportField.SOURCE_LIST)),
                positiveInt(raw.get(ImportField.SOURCE_ROW), "source row"),
                Names.clean(raw.get(ImportField.SOURCE_URL)));
    }

    static boolean looksLikeOrganization(String text) {
        return text.contains("有限公司") || ORGANIZATION_SUFFIXES.stream().anyMatch(text::endsWith);
    }

    /** Entity names begin with a letter or ideograph; anything else there is debris from the list. */
    static boolean startsCleanly(String text) {
        int first = text.codePointAt(0);
        return Character.isLetterOrDigit(first);
    }

    private static String filingNumber(String text) {
        String number = Names.clean(text);
        if (number == null) {
            return null;
        }
        if (number.contains("网信算备")) {
            throw new RowRejected("'" + number + "' is an algorithm-registry number (网信算备), not a generative-AI filing number");
        }
        if (!FILING_NUMBER.matcher(number).matches()) {
            throw new RowRejected("filing number '" + number + "' is not of the form Jurisdiction-Model-YYYYMMDD[NNNN]");
        }
        return number;
    }

    private static void checkNumberDate(String number, LocalDate filingDate) {
        if (number == null || filingDate == null) {
            return;
        }
        Matcher m = FILING_NUMBER.matcher(number);
        if (m.matches()) {
            try {
                LocalDate numbered = LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE);
                if (numbered.isAfter(filingDate)) {
                    throw new RowRejected("filing number is dated " + numbered + ", after the filing date " + filingDate);
                }
            } catch (DateTimeParseException e) {
                throw new RowRejected("filing number '" + number + "' holds no valid date");
            }
        }
    }

    private String jurisdiction(String text, String number) {
        Optional<String> fromNumber = vocabulary.jurisdictionOfFilingNumber(number);
        if (text == null) {
            return fromNumber.orElse(null);
        }
        String code = vocabulary.jurisdictionOf(text)
                .orElseThrow(() -> new RowRejected("jurisdiction (属地) '" + text + "' is not a province-level region or 国资委"));
        if (fromNumber.isPresent() && !fromNumber.get().equals(code)) {
            throw new RowRejected("jurisdiction '" + text + "' contradicts filing number " + number);
        }
        return code;
    }

    private FilingKind kind(String text) {
        if (text == null) {
            return defaultKind;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "filing", "备案" -> FilingKind.FILING;
            case "registration", "登记" -> FilingKind.REGISTRATION;
            default -> throw new RowRejected("kind '" + text + "' is neither FILING (备案) nor REGISTRATION (登记)");
        };
    }

    static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        String date = text.strip();
        // One parse in the format the text's separator names: a failed parse costs an exception, on every row.
        DateTimeFormatter format = date.indexOf('/') >= 0 ? SLASHED
                : date.indexOf('年') >= 0 ? CHINESE
                : date.indexOf('.') >= 0 ? DOTTED
                : DateTimeFormatter.ISO_LOCAL_DATE;
        LocalDate parsed;
        try {
            parsed = LocalDate.parse(date, format);
        } catch (DateTimeParseException e) {
            throw new RowRejected("filing date '" + text + "' is not a date like 2023/8/31 or 2023-08-31");
        }
        if (!RegisterDates.contains(parsed)) {
            throw new RowRejected("filing date '" + text + "' is outside the accepted range: it "
                    + RegisterDates.outOfRange(parsed));
        }
        return parsed;
    }

    private static Integer positiveInt(String text, String what) {
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RowRejected(what + " '" + text + "' is not a positive whole number");
    }

    private static List<String> codes(String text, java.util.function.Predicate<String> valid, String what) {
        if (text == null) {
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        for (String part : text.split("[;|,、]")) {
            String code = part.strip().toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (!valid.test(code)) {
                throw new RowRejected(what + " '" + part.strip() + "' is not known");
            }
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    private static <E extends Enum<E>> E enumOf(String text, Class<E> type, String what) {
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RowRejected(what + " '" + text + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
