package cn.cac.gzh.region.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface CountyMapper extends BaseMapper<CountyRow> {
}
