package dev.backprop.access;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApiKeyRepository extends JpaRepository<ApiKey, Long> {

    Optional<ApiKey> findByKeySha256(String keySha256);

    List<ApiKey> findAllByOrderByIdAsc();

    long countByRoleAndRevokedAtIsNull(Role role);
}
