package dev.backprop.dataset;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DatasetRepository extends JpaRepository<Dataset, Long> {

    @Query("select coalesce(sum(d.sizeBytes), 0) from Dataset d")
    long totalSizeBytes();
}
