package dev.backprop.model;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ModelRepository extends JpaRepository<Model, Long> {

    List<Model> findByDatasetIdAndDatasetDeletedFalse(long datasetId);
}
