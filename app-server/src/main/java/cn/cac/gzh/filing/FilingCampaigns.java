package cn.cac.gzh.filing;

import java.util.List;
import java.util.Optional;

/** The campaigns, oldest first. */
public interface FilingCampaigns {

    /** Every campaign, city-wide and of every county. */
    List<Campaign> all();

    /** The campaigns a filing of {@code countyCode} has: the city-wide ones and the county's own. */
    List<Campaign> ofCounty(String countyCode);

    Optional<Campaign> find(long id);
}
