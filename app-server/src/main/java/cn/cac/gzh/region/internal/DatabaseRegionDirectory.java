package cn.cac.gzh.region.internal;

import java.util.List;
import java.util.Optional;

import cn.cac.gzh.region.County;
import cn.cac.gzh.region.RegionDirectory;
import cn.cac.gzh.region.RegionProperties;
import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;

import org.springframework.stereotype.Service;

@Service
class DatabaseRegionDirectory implements RegionDirectory {

    private final CountyMapper counties;
    private final RegionProperties properties;

    DatabaseRegionDirectory(CountyMapper counties, RegionProperties properties) {
        this.counties = counties;
        this.properties = properties;
    }

    @Override
    public List<County> counties() {
        return counties.selectList(new QueryWrapper<CountyRow>().orderByAsc("code")).stream()
                .map(CountyRow::county)
                .toList();
    }

    @Override
    public boolean hasCounty(String code) {
        return code != null && counties.selectById(code) != null;
    }

    @Override
    public Optional<String> nameOf(String code) {
        if (code == null) {
            return Optional.empty();
        }
        CountyRow county = counties.selectById(code);
        if (county != null) {
            return Optional.of(county.getName());
        }
        return Optional.ofNullable(counties.city(code)).map(CountyMapper.CityRow::name);
    }

    @Override
    public String defaultCountyCode() {
        return properties.countyCode();
    }
}
