package dev.backprop.model;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ModelVersionRepository extends JpaRepository<ModelVersion, Long> {

    List<ModelVersion> findByModelIdOrderByNumberDesc(long modelId);

    Optional<ModelVersion> findFirstByModelIdOrderByNumberDesc(long modelId);

    Optional<ModelVersion> findByModelIdAndNumber(long modelId, int number);
}
