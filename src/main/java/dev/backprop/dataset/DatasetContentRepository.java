package dev.backprop.dataset;

import org.springframework.data.jpa.repository.JpaRepository;

interface DatasetContentRepository extends JpaRepository<DatasetContent, Long> {
}
