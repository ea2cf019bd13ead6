package dev.beian.registry.importing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns an import understands, with the headers that name them: the CAC's own (序号, 属地, 模型名称 ...)
 * and English equivalents, including the headers our CSV export writes, so an export imports again.
 */
public enum ImportField {
    SEQUENCE_NO(List.of("序号"), List.of("sequenceno", "seqno", "seq_no", "no", "sequence")),
    JURISDICTION(List.of("属地"), List.of("jurisdiction", "province", "region")),
    NAME(List.of("模型名称", "服务名称", "名称"), List.of("name", "modelname", "model_name", "servicename", "service_name")),
    ORGANIZATION(List.of("备案单位", "登记单位", "单位名称", "公司名称"), List.of("organization", "organizationname", "entity", "filingentity", "filing_entity", "company")),
    FILING_NUMBER(List.of("备案号", "上线编号", "登记编号"), List.of("filingnumber", "filing_number", "number", "onlinenumber")),
    FILING_DATE(List.of("备案时间", "上线时间", "登记时间", "备案日期"), List.of("filingdate", "filing_date", "date", "fileddate")),
    KIND(List.of("类型"), List.of("kind", "list")),
    NAME_EN(List.of("英文名称"), List.of("nameen", "name_en", "englishname")),
    CATEGORIES(List.of("类别"), List.of("categories", "category")),
    SECTORS(List.of("行业"), List.of("sectors", "sector")),
    WEIGHTS_ACCESS(List.of(), List.of("weightsaccess", "weights_access", "weights")),
    STATUS(List.of("状态"), List.of("status")),
    PUBLICATION_BATCH(List.of("批次"), List.of("publicationbatch", "publication_batch", "batch")),
    SOURCE_LIST(List.of(), List.of("sourcelist", "source_list", "source")),
    SOURCE_ROW(List.of(), List.of("sourcerow", "source_row")),
    SOURCE_URL(List.of(), List.of("sourceurl", "source_url", "url"));

    private final List<String> chinese;
    private final List<String> english;

    ImportField(List<String> chinese, List<String> english) {
        this.chinese = chinese;
        this.english = english;
    }

    /**
     * The field a header names. Chinese headers match when they contain the CAC's term (so
     * {@code jurisdiction_属地} works); English ones match case-insensitively and ignoring spaces.
     */
    public static Optional<ImportField> ofHeader(String header) {
        String h = header.strip().replace("\uFEFF", "");
        String key = h.toLowerCase(Locale.ROOT).replace(" ", "");
        for (ImportField field : values()) {
            if (field.english.contains(key)) {
                return Optional.of(field);
            }
        }
        for (ImportField field : values()) {
            if (field.chinese.stream().anyMatch(h::contains)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** How a row rejection names the column: its English name, and its CAC header where it has one. */
    public String label() {
        return chinese.isEmpty() ? english.get(0) : english.get(0) + " (" + chinese.get(0) + ")";
    }

    /** Registration lists number their rows 上线编号 instead of 备案号. */
    public static boolean headerMeansRegistration(String header) {
        return header.contains("上线编号") || header.contains("登记编号") || header.contains("上线时间");
    }
}
