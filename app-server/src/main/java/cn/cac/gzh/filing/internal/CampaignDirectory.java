package cn.cac.gzh.filing.internal;

import java.util.List;
import java.util.Optional;

import cn.cac.gzh.filing.Campaign;
import cn.cac.gzh.filing.FilingCampaigns;

import org.springframework.stereotype.Service;

@Service
class CampaignDirectory implements FilingCampaigns {

    private final CampaignMapper campaigns;

    CampaignDirectory(CampaignMapper campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public List<Campaign> all() {
        return campaigns.findAll();
    }

    @Override
    public List<Campaign> ofCounty(String countyCode) {
        return campaigns.ofCounty(countyCode);
    }

    @Override
    public Optional<Campaign> find(long id) {
        return Optional.ofNullable(campaigns.find(id));
    }
}
