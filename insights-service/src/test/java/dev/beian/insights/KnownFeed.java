package dev.beian.insights;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * A small hand-made history exercising every dimension: multi-category filings, weights, status changes,
 * an update that moves a filing, a deletion, registrations built on filings, deployments at home and abroad.
 *
 * <pre>
 * id  kind  jurisdiction  filed       categories      weights   org  status (history)            base
 * F1  FIL   CN-BJ         2024-01-10  TEXT, IMAGE     OPEN      1    ACTIVE
 * F2  FIL   CN-BJ         2024-02-20  TEXT            CLOSED    1    ACTIVE, SUSPENDED 2024-06-01
 * F3  FIL   CN-SH         2024-02-25  MULTIMODAL      API_ONLY  2    ACTIVE
 * F4  FIL   CN-GD->CN-ZJ  2024-05-05  TEXT,CODE->CODE OPEN      3    ACTIVE      (updated)
 * F5  FIL   SASAC         2024-07-01  AUDIO           -         3    ACTIVE      (deleted)
 * F6  FIL   -             -           VIDEO           CLOSED    2    ACTIVE      (undated)
 * R1  REG   CN-BJ         2024-03-15  TEXT            -         2    ACTIVE                      F1
 * R2  REG   CN-GD         2024-08-08  TEXT, IMAGE     -         3    ACTIVE, REVOKED 2024-10-01  F1
 * R3  REG   CN-GD         2024-09-09  TEXT            -         3    ACTIVE                      F3
 * R4  REG   CN-SH         2024-11-11  IMAGE           -         1    ACTIVE, WITHDRAWN 2024-12-01
 * R5  REG   CN-GD         2024-12-20  TEXT            -         3    ACTIVE                      F1
 * deployments: D1 F1 CN-GD FINANCE 2024-03-01; D2 F1 SG EDUCATION 2024-06-01; D3 F3 CN-GD FINANCE 2024-09-01
 * (deleted); D4 R1 CN-BJ GOVERNMENT undated; D5 F2 CN-SH->CN-ZJ FINANCE 2024-12-01 (updated)
 * organization 1 has an organization event naming it 阿尔法智能科技有限公司 / Alpha AI
 * </pre>
 */
final class KnownFeed {

    static final long F1 = 1, F2 = 2, F3 = 3, F4 = 4, F5 = 5, F6 = 6, R1 = 11, R2 = 12, R3 = 13, R4 = 14, R5 = 15;

    private KnownFeed() {
    }

    static Events.Filing alpha(Events.Filing f) {
        return f.org(1, "阿尔法智能", null);
    }

    static Events.Filing beta(Events.Filing f) {
        return f.org(2, "贝塔实验室有限公司", "Beta Labs");
    }

    static Events.Filing gamma(Events.Filing f) {
        return f.org(3, "伽马科技有限公司", "Gamma Tech");
    }

    static List<JsonObject> events() {
        List<JsonObject> e = new ArrayList<>();
        e.add(Events.organization("created", 1, "阿尔法智能科技有限公司", "Alpha AI", 0));
        e.add(alpha(Events.filing(F1)).name("阿尔法一号", "Alpha One", "Beijing-AlphaOne-20240101")
                .jurisdiction("CN-BJ").date("2024-01-10").categories("TEXT", "IMAGE").weights("OPEN").created());
        Events.Filing f2 = alpha(Events.filing(F2)).jurisdiction("CN-BJ").date("2024-02-20").categories("TEXT")
                .weights("CLOSED");
        e.add(f2.created());
        e.add(beta(Events.filing(F3)).name("贝塔", "Beta", null).jurisdiction("CN-SH").date("2024-02-25")
                .categories("MULTIMODAL").weights("API_ONLY").created());
        e.add(Events.deployment("created", 1, F1, "CN-GD", "FINANCE", "2024-03-01", 0));
        e.add(beta(Events.registration(R1)).jurisdiction("CN-BJ").date("2024-03-15").categories("TEXT").base(F1)
                .created());
        Events.Filing f4 = gamma(Events.filing(F4)).jurisdiction("CN-GD").date("2024-05-05")
                .categories("TEXT", "CODE").weights("OPEN");
        e.add(f4.created());
        e.add(Events.deployment("created", 2, F1, "SG", "EDUCATION", "2024-06-01", 0));
        e.add(f2.status("SUSPENDED", "2024-06-01").version(1).statusChanged());
        Events.Filing f5 = gamma(Events.filing(F5)).jurisdiction("SASAC").date("2024-07-01").categories("AUDIO");
        e.add(f5.created());
        e.add(gamma(Events.registration(R2)).jurisdiction("CN-GD").date("2024-08-08").categories("TEXT", "IMAGE")
                .base(F1).status("REVOKED", "2024-10-01").version(1).created());
        e.add(Events.deployment("created", 3, F3, "CN-GD", "FINANCE", "2024-09-01", 0));
        e.add(gamma(Events.registration(R3)).jurisdiction("CN-GD").date("2024-09-09").categories("TEXT").base(F3)
                .created());
        e.add(f4.jurisdiction("CN-ZJ").categories("CODE").version(1).updated());
        e.add(f5.version(1).deleted());
        Events.Filing r4 = alpha(Events.registration(R4)).jurisdiction("CN-SH").date("2024-11-11").categories("IMAGE");
        e.add(r4.created());
        e.add(Events.deployment("created", 4, R1, "CN-BJ", "GOVERNMENT", null, 0));
        e.add(Events.deployment("created", 5, F2, "CN-SH", "FINANCE", "2024-12-01", 0));
        e.add(r4.status("WITHDRAWN", "2024-12-01").version(1).statusChanged());
        e.add(Events.deployment("deleted", 3, F3, "CN-GD", "FINANCE", "2024-09-01", 0));
        e.add(Events.deployment("updated", 5, F2, "CN-ZJ", "FINANCE", "2024-12-01", 1));
        e.add(gamma(Events.registration(R5)).jurisdiction("CN-GD").date("2024-12-20").categories("TEXT").base(F1)
                .created());
        e.add(beta(Events.filing(F6)).categories("VIDEO").weights("CLOSED").created());
        return e;
    }
}
