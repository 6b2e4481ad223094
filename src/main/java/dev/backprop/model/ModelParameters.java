package dev.backprop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A version's serialised network, apart from the version row so listings never load it. */
@Entity
@Table(name = "model_parameters")
class ModelParameters {

    @Id
    private Long versionId;

    @JdbcTypeCode(SqlTypes.LONG32VARBINARY)
    @Column(name = "bytes")
    private byte[] bytes;

    protected ModelParameters() {
    }

    ModelParameters(Long versionId, byte[] bytes) {
        this.versionId = versionId;
        this.bytes = bytes;
    }

    byte[] getBytes() {
        return bytes;
    }
}
