package dev.backprop.model;

import org.springframework.data.jpa.repository.JpaRepository;

interface ModelParametersRepository extends JpaRepository<ModelParameters, Long> {
}
