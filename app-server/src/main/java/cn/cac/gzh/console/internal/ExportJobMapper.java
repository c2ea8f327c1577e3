package cn.cac.gzh.console.internal;

import java.time.LocalDateTime;

import cn.cac.gzh.console.internal.ExportJobs.Job;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The export_job rows. Every change to a job is conditional on {@code status = 'RUNNING'}: a job failed meanwhile (by the
 * sweep or a restart) stays failed, and the update count tells its runner so.
 */
@Mapper
interface ExportJobMapper {

    @Insert("""
            INSERT INTO export_job (id, kind, requested_by, full_id_numbers, filter_text, filter_status, filter_township,
                                    status, owner, updated_at, file_name, created_at)
            VALUES (#{id}, #{kind}, #{requestedBy}, #{fullIdNumbers}, #{filterText,jdbcType=VARCHAR},
                    #{filterStatus,jdbcType=VARCHAR}, #{filterTownship,jdbcType=VARCHAR}, 'RUNNING', #{owner}, #{at},
                    #{fileName}, #{at})
            """)
    void insertRunning(String id, String kind, long requestedBy, boolean fullIdNumbers, String filterText, String filterStatus,
            String filterTownship, String owner, String fileName, LocalDateTime at);

    @Select("""
            SELECT id, kind, requested_by, full_id_numbers, status, total_rows, rows_written, object_key, file_name, error,
                   created_at, finished_at
            FROM export_job WHERE id = #{id}""")
    Job find(String id);

    /** The heartbeat of one job; 0 when it is no longer running. */
    @Update("UPDATE export_job SET updated_at = #{at} WHERE id = #{id} AND status = 'RUNNING'")
    int touch(String id, LocalDateTime at);

    @Update("UPDATE export_job SET total_rows = #{totalRows}, updated_at = #{at} WHERE id = #{id} AND status = 'RUNNING'")
    int setTotal(String id, long totalRows, LocalDateTime at);

    @Update("UPDATE export_job SET rows_written = #{rowsWritten}, updated_at = #{at} WHERE id = #{id} AND status = 'RUNNING'")
    int setWritten(String id, long rowsWritten, LocalDateTime at);

    @Update("""
            UPDATE export_job SET status = 'DONE', object_key = #{objectKey}, rows_written = #{rowsWritten}, finished_at = #{at},
                                  updated_at = #{at}
            WHERE id = #{id} AND status = 'RUNNING'""")
    int finish(String id, String objectKey, long rowsWritten, LocalDateTime at);

    @Update("""
            UPDATE export_job SET status = 'FAILED', error = #{error}, finished_at = #{at}, updated_at = #{at}
            WHERE id = #{id} AND status = 'RUNNING'""")
    int fail(String id, String error, LocalDateTime at);

    /** The heartbeat of all of one process's running jobs. */
    @Update("UPDATE export_job SET updated_at = #{at} WHERE status = 'RUNNING' AND owner = #{owner}")
    int touchOwnedBy(String owner, LocalDateTime at);

    /** Running jobs of earlier processes on this node ({@code host:port}) died with them. */
    @Update("""
            UPDATE export_job SET status = 'FAILED', error = #{error}, finished_at = #{at}, updated_at = #{at}
            WHERE status = 'RUNNING' AND SUBSTRING_INDEX(owner, '#', 1) = #{node} AND owner <> #{owner}""")
    int failLeftBy(String node, String owner, String error, LocalDateTime at);

    @Update("""
            UPDATE export_job SET status = 'FAILED', error = #{error}, finished_at = #{at}, updated_at = #{at}
            WHERE status = 'RUNNING' AND updated_at < #{staleBefore}""")
    int failStale(LocalDateTime staleBefore, String error, LocalDateTime at);
}
