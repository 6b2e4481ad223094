package dev.backprop.dataset;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.backprop.shared.ConflictException;
import dev.backprop.shared.InvalidRequestException;
import dev.backprop.shared.NotFoundException;
import dev.backprop.shared.TooLargeException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Uploads, reads and deletes datasets. An upload is parsed and stored in one transaction: all or nothing. */
@Service
public class DatasetService {

    private final DatasetRepository datasets;
    private final DatasetContentRepository contents;
    private final ObjectProvider<DatasetUsage> usages;
    private final DatasetProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    // Usages are looked up lazily: the features that use datasets depend on this service themselves.
    DatasetService(DatasetRepository datasets, DatasetContentRepository contents, ObjectProvider<DatasetUsage> usages,
            DatasetProperties properties, JsonMapper json, Clock clock) {
        this.datasets = datasets;
        this.contents = contents;
        this.usages = usages;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public DatasetInfo upload(String name, String filename, byte[] bytes) {
        CsvTable table = CsvReader.read(bytes);
        if (table.rows().size() > properties.maxRows()) {
            throw new TooLargeException("The file has " + table.rows().size() + " rows; the limit backprop.datasets.max-rows is "
                    + properties.maxRows() + ".");
        }
        if (table.columns().size() > properties.maxColumns()) {
            throw new TooLargeException("The file has " + table.columns().size() + " columns; the limit backprop.datasets.max-columns is "
                    + properties.maxColumns() + ".");
        }
        DatasetSchema schema = SchemaInference.infer(table, properties.maxTrackedLevels());
        String displayName = name != null && !name.isBlank() ? name.strip()
                : filename != null && !filename.isBlank() ? filename : "dataset";
        Dataset dataset = datasets.save(new Dataset(displayName, filename, bytes.length, schema.rows(),
                schema.columns().size(), sha256(bytes), json.writeValueAsString(schema), clock.instant()));
        contents.save(new DatasetContent(dataset.getId(), bytes));
        return toInfo(dataset);
    }

    @Transactional(readOnly = true)
    public DatasetInfo get(long id) {
        return toInfo(find(id));
    }

    @Transactional(readOnly = true)
    public Page<DatasetInfo> list(Pageable pageable) {
        return datasets.findAll(pageable).map(this::toInfo);
    }

    /** The parsed table, for training. */
    @Transactional(readOnly = true)
    public CsvTable table(long id) {
        find(id);
        return CsvReader.read(contents.findById(id).orElseThrow(() -> new NotFoundException("Dataset content", id)).getBytes());
    }

    @Transactional(readOnly = true)
    public RowsPage rows(long id, int offset, int limit) {
        if (offset < 0) {
            throw new InvalidRequestException("offset", "offset must be 0 or more");
        }
        if (limit < 1 || limit > properties.maxPreviewRows()) {
            throw new InvalidRequestException("limit", "limit must be between 1 and " + properties.maxPreviewRows());
        }
        CsvTable table = table(id);
        int from = Math.min(offset, table.rows().size());
        int to = Math.min(from + limit, table.rows().size());
        List<Map<String, String>> rows = table.rows().subList(from, to).stream().map(row -> {
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < row.length; c++) {
                values.put(table.columns().get(c), row[c]);
            }
            return values;
        }).toList();
        return new RowsPage(id, offset, limit, table.rows().size(), table.columns(), rows);
    }

    @Transactional
    public void delete(long id, boolean force) {
        find(id);
        List<String> users = usages.orderedStream().flatMap(usage -> usage.modelsUsing(id).stream()).toList();
        if (!users.isEmpty() && !force) {
            throw new ConflictException("Dataset " + id + " is used by " + String.join(", ", users)
                    + ". Delete those models first, or repeat with ?force=true (their trained versions keep predicting,"
                    + " but they cannot be trained again).");
        }
        contents.deleteById(id);
        datasets.deleteById(id);
        usages.orderedStream().forEach(usage -> usage.datasetDeleted(id));
    }

    private Dataset find(long id) {
        return datasets.findById(id).orElseThrow(() -> new NotFoundException("Dataset", id));
    }

    private DatasetInfo toInfo(Dataset dataset) {
        DatasetSchema schema = json.readValue(dataset.getSchemaJson(), DatasetSchema.class);
        return new DatasetInfo(dataset.getId(), dataset.getName(), dataset.getFilename(), dataset.getSizeBytes(),
                dataset.getRowCount(), dataset.getColumnCount(), dataset.getContentSha256(), dataset.getCreatedAt(), schema);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
