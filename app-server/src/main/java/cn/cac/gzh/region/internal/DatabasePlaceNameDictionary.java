package cn.cac.gzh.region.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.cac.gzh.region.County;
import cn.cac.gzh.region.PlaceName;
import cn.cac.gzh.region.PlaceNameDictionary;
import cn.cac.gzh.region.RegionDirectory;
import cn.cac.gzh.region.Township;

import org.springframework.stereotype.Service;

@Service
class DatabasePlaceNameDictionary implements PlaceNameDictionary {

    private final CountyMapper counties;
    private final TownshipMapper townships;
    private final PlaceNameMapper placeNames;
    private final RegionDirectory regions;

    DatabasePlaceNameDictionary(CountyMapper counties, TownshipMapper townships, PlaceNameMapper placeNames,
            RegionDirectory regions) {
        this.counties = counties;
        this.townships = townships;
        this.placeNames = placeNames;
        this.regions = regions;
    }

    @Override
    public County county(String countyCode) {
        regions.requireCounty(countyCode);
        return CountyRow.county(counties.selectById(countyCode));
    }

    @Override
    public List<Township> townships(String countyCode) {
        return townships.findByCounty(countyCode);
    }

    @Override
    public List<PlaceName> placeNames(String countyCode) {
        return placeNames.findByCounty(countyCode);
    }

    @Override
    public Map<String, DictionarySize> sizes() {
        Map<String, DictionarySize> sizes = new LinkedHashMap<>();
        placeNames.countByCounty().forEach(c -> sizes.put(c.countyCode(), new DictionarySize(Math.toIntExact(c.townships()),
                Math.toIntExact(c.placeNames()))));
        return sizes;
    }

    @Override
    public Map<String, List<PlaceName>> placeNamesByCounty() {
        return placeNames.findAll().stream().collect(Collectors.groupingBy(PlaceNameMapper.CountyPlaceName::countyCode,
                LinkedHashMap::new, Collectors.mapping(p -> new PlaceName(p.term(), p.kind(), p.township()), Collectors.toList())));
    }
}
