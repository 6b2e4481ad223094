package dev.backprop.training;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TrainingJobRepository extends JpaRepository<TrainingJob, Long> {

    long countByStatus(JobStatus status);

    List<TrainingJob> findByStatus(JobStatus status);

    List<TrainingJob> findByStatusAndHeartbeatAtBefore(JobStatus status, Instant before);

    Page<TrainingJob> findByModelId(long modelId, Pageable pageable);

    @Modifying
    @Query("update TrainingJob j set j.heartbeatAt = :now where j.id in :ids and j.status = dev.backprop.training.JobStatus.RUNNING")
    int heartbeat(Collection<Long> ids, Instant now);
}
