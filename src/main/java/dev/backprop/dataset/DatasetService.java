package dev.backprop.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.backprop.shared.ConflictException;
import dev.backprop.shared.InvalidRequestException;
import dev.backprop.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Uploads, reads and deletes datasets. An upload is parsed and stored in one transaction: all or nothing. */
@Service
public class DatasetService {

    private final DatasetRepository datasets;
    private final DatasetContentStore contents;
    private final DatasetSnapshotStore snapshots;
    private final ObjectProvider<DatasetUsage> usages;
    private final DatasetProperties properties;
    private final JsonMapper json;
    private final ParsedSchemas schemas;
    private final Clock clock;

    // Usages are looked up lazily: the features that use datasets depend on this service themselves.
    DatasetService(DatasetRepository datasets, DatasetContentStore contents, DatasetSnapshotStore snapshots,
            ObjectProvider<DatasetUsage> usages, DatasetProperties properties, JsonMapper json, ParsedSchemas schemas,
            Clock clock) {
        this.datasets = datasets;
        this.contents = contents;
        this.snapshots = snapshots;
        this.usages = usages;
        this.properties = properties;
        this.json = json;
        this.schemas = schemas;
        this.clock = clock;
    }

    @Transactional
    public DatasetInfo upload(String name, String filename, byte[] bytes) {
        return upload(name, filename, new ByteArrayResource(bytes), bytes.length);
    }

    /**
     * Reads the upload twice as a stream: once to check it, infer the schema (and its SHA-256) and write its snapshot
     * to a temporary file, once to store it. Nothing is stored unless the whole file is valid, and the dataset row, its
     * bytes and its snapshot commit together.
     */
    @Transactional
    public DatasetInfo upload(String name, String filename, InputStreamSource source, long size) {
        try (FileChannel snapshot = snapshots.temporaryFile()) {
            return inspectAndStore(name, filename, source, size, snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DatasetInfo inspectAndStore(String name, String filename, InputStreamSource source, long size, FileChannel snapshot) {
        MessageDigest digest = sha256();
        DatasetSchema inferred;
        try (InputStream in = new DigestInputStream(source.getInputStream(), digest);
                SnapshotWriter writer = new SnapshotWriter(Channels.newOutputStream(snapshot))) {
            inferred = UploadInspection.inspect(in, properties, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String displayName = name != null && !name.isBlank() ? name.strip()
                : filename != null && !filename.isBlank() ? filename : "dataset";
        Dataset dataset = datasets.save(new Dataset(displayName, filename, size, inferred.rows(),
                inferred.columns().size(), HexFormat.of().formatHex(digest.digest()), json.writeValueAsString(inferred),
                clock.instant()));
        contents.write(dataset.getId(), source, size);
        snapshots.write(dataset.getId(), snapshot);
        return toInfo(dataset);
    }

    /**
     * The dataset, locked until the caller's transaction ends: for defining a model on it, so a concurrent delete
     * either happens first (and the definition finds no dataset) or waits and sees the new model.
     */
    @Transactional
    public DatasetInfo getForUse(long id) {
        return toInfo(datasets.findForUpdate(id).orElseThrow(() -> new NotFoundException("Dataset", id)));
    }

    @Transactional(readOnly = true)
    public DatasetInfo get(long id) {
        return toInfo(find(id));
    }

    @Transactional(readOnly = true)
    public Page<DatasetInfo> list(Pageable pageable) {
        return datasets.findAll(pageable).map(this::toInfo);
    }

    /** The parsed table, for training: from its snapshot, or from the CSV for datasets that have none. */
    @Transactional(readOnly = true)
    public CsvTable table(long id) {
        int rows = Math.toIntExact(find(id).getRowCount());
        return snapshots.read(id, rows).orElseGet(() -> contents.read(id, CsvReader::read));
    }

    @Transactional(readOnly = true)
    public RowsPage rows(long id, int offset, int limit) {
        if (offset < 0) {
            throw new InvalidRequestException("offset", "offset must be 0 or more");
        }
        if (limit < 1 || limit > properties.maxPreviewRows()) {
            throw new InvalidRequestException("limit", "limit must be between 1 and " + properties.maxPreviewRows());
        }
        long total = find(id).getRowCount();
        List<String[]> window = new ArrayList<>();
        long[] seen = {0};
        List<String> columns = contents.read(id, in -> CsvReader.stream(in, values -> {
            if (seen[0]++ >= offset) {
                window.add(values);
            }
            return window.size() < limit;
        }));
        List<Map<String, String>> rows = window.stream().map(values -> {
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < values.length; c++) {
                row.put(columns.get(c), values[c]);
            }
            return row;
        }).toList();
        return new RowsPage(id, offset, limit, total, columns, rows);
    }

    @Transactional
    public void delete(long id, boolean force) {
        // Locks the row a concurrent definition also locks (getForUse): the usage check below then sees its model.
        datasets.findForUpdate(id).orElseThrow(() -> new NotFoundException("Dataset", id));
        List<String> users = usages.orderedStream().flatMap(usage -> usage.modelsUsing(id).stream()).toList();
        if (!users.isEmpty() && !force) {
            throw new ConflictException("Dataset " + id + " is used by " + String.join(", ", users)
                    + ". Delete those models first, or repeat with ?force=true (their trained versions keep predicting,"
                    + " but they cannot be trained again).");
        }
        snapshots.delete(id);
        contents.delete(id);
        datasets.deleteById(id);
        schemas.forget(id);
        usages.orderedStream().forEach(usage -> usage.datasetDeleted(id));
    }

    private Dataset find(long id) {
        return datasets.findById(id).orElseThrow(() -> new NotFoundException("Dataset", id));
    }

    private DatasetInfo toInfo(Dataset dataset) {
        DatasetSchema schema = schemas.of(dataset);
        return new DatasetInfo(dataset.getId(), dataset.getName(), dataset.getFilename(), dataset.getSizeBytes(),
                dataset.getRowCount(), dataset.getColumnCount(), dataset.getContentSha256(), dataset.getCreatedAt(), schema);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
