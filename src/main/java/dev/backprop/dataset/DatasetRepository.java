package dev.backprop.dataset;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DatasetRepository extends JpaRepository<Dataset, Long> {

    @Query("select coalesce(sum(d.sizeBytes), 0) from Dataset d")
    long totalSizeBytes();

    /** Defining a model on a dataset and deleting it take this lock, so one of them sees the other's outcome. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from Dataset d where d.id = :id")
    Optional<Dataset> findForUpdate(long id);
}
