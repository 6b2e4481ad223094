package dev.backprop.training;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface EpochRecordRepository extends JpaRepository<EpochRecord, Long> {

    List<EpochRecord> findByJobIdOrderByEpoch(long jobId);

    @Modifying
    @Query("delete from EpochRecord e where e.jobId = :jobId")
    void deleteByJobId(long jobId);

    @Modifying
    @Query("delete from EpochRecord e where e.jobId = :jobId and e.epoch > :epoch")
    void deleteByJobIdAfter(long jobId, int epoch);
}
