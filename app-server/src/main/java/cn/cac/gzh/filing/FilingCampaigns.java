package cn.cac.gzh.filing;

import java.util.List;

/** The campaigns, oldest first. */
public interface FilingCampaigns {

    List<Campaign> all();
}
