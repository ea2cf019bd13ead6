package dev.beian.insights.service;

import dev.beian.insights.api.OfficialTotalView;
import dev.beian.insights.domain.OfficialTotal;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** The officially announced totals that coverage is measured against. */
@ApplicationScoped
public class OfficialTotalService {

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OfficialTotalView> list() {
        return OfficialTotal.<OfficialTotal>listAll(Sort.by("asOf")).stream().map(OfficialTotalService::view).toList();
    }

    static OfficialTotalView view(OfficialTotal t) {
        return new OfficialTotalView(t.asOf, t.filedCumulative, t.registeredCumulative, t.approximate, t.status,
                t.source, t.note);
    }
}
