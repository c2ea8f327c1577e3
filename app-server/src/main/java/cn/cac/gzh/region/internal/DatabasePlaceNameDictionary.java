package cn.cac.gzh.region.internal;

import java.util.List;

import cn.cac.gzh.region.County;
import cn.cac.gzh.region.PlaceName;
import cn.cac.gzh.region.PlaceNameDictionary;
import cn.cac.gzh.region.RegionProperties;
import cn.cac.gzh.region.Township;

import org.springframework.stereotype.Service;

@Service
class DatabasePlaceNameDictionary implements PlaceNameDictionary {

    private final CountyMapper counties;
    private final TownshipMapper townships;
    private final PlaceNameMapper placeNames;
    private final String countyCode;

    DatabasePlaceNameDictionary(CountyMapper counties, TownshipMapper townships, PlaceNameMapper placeNames,
            RegionProperties properties) {
        this.counties = counties;
        this.townships = townships;
        this.placeNames = placeNames;
        this.countyCode = properties.countyCode();
    }

    @Override
    public County county() {
        CountyRow row = counties.selectById(countyCode);
        if (row == null) {
            throw new IllegalStateException("No county " + countyCode
                    + " in the place-name dictionary: check region.county-code (REGION_COUNTY_CODE)");
        }
        return new County(row.getCode(), row.getName(), row.getProvince(), row.getCity());
    }

    @Override
    public List<Township> townships() {
        return townships.findByCounty(countyCode);
    }

    @Override
    public List<PlaceName> placeNames() {
        return placeNames.findByCounty(countyCode);
    }
}
