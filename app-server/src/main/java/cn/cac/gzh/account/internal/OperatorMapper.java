package cn.cac.gzh.account.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
interface OperatorMapper extends BaseMapper<OperatorRow> {

    @Select("SELECT * FROM account_operator WHERE openid = #{openid} FOR UPDATE")
    OperatorRow lockByOpenid(String openid);
}
