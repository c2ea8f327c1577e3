package cn.cac.gzh.region.internal;

import java.time.Clock;
import java.time.LocalDateTime;

import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.common.db.RetryTransientFailures;
import cn.cac.gzh.region.County;
import cn.cac.gzh.region.CountyAdministration;
import cn.cac.gzh.region.PlaceNameKind;
import cn.cac.gzh.region.RegionCodes;
import cn.cac.gzh.region.RegionDirectory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CountyRegistration implements CountyAdministration {

    private final CountyMapper counties;
    private final PlaceNameMapper placeNames;
    private final RegionDirectory regions;
    private final Clock clock;

    CountyRegistration(CountyMapper counties, PlaceNameMapper placeNames, RegionDirectory regions, Clock clock) {
        this.counties = counties;
        this.placeNames = placeNames;
        this.regions = regions;
        this.clock = clock;
    }

    @Override
    @Transactional
    @RetryTransientFailures
    public County add(String code, String name) {
        String county = code == null ? "" : code.strip();
        if (!county.matches("\\d{6}") || RegionCodes.isCity(county) || !RegionCodes.cityOf(county).equals(regions.cityCode())) {
            throw DomainException.invalid("COUNTY_CODE_INVALID", "县（区）代码应为本市下属县（区）的6位行政区划代码（前4位为"
                    + regions.cityCode().substring(0, 4) + "，不以00结尾）");
        }
        String countyName = name == null ? "" : name.strip();
        if (countyName.codePointCount(0, countyName.length()) < 2 || countyName.length() > 16) {
            throw DomainException.invalid("COUNTY_NAME_INVALID", "县（区）名称应为2至16个字");
        }
        CountyMapper.CityRow city = counties.city(regions.cityCode());
        LocalDateTime now = LocalDateTime.now(clock);
        try {
            counties.add(county, countyName, city, now);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("COUNTY_EXISTS", "本平台已有该县（区）：" + county);
        }
        // its own name marks an account as local from the start (notice §2); the rest comes with the import
        placeNames.insertIfAbsent(county, countyName, PlaceNameKind.COUNTY_NAME, null, now);
        return new County(county, countyName, city.province(), city.name());
    }
}
