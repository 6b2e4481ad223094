package dev.backprop.dataset.web;

import java.net.URI;

import dev.backprop.dataset.DatasetInfo;
import dev.backprop.dataset.DatasetService;
import dev.backprop.dataset.RowsPage;
import dev.backprop.shared.InvalidRequestException;
import dev.backprop.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/datasets")
@Tag(name = "Datasets", description = "Upload a CSV with a header row; Backprop infers each column's type and statistics.")
class DatasetController {

    private final DatasetService datasets;

    DatasetController(DatasetService datasets) {
        this.datasets = datasets;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a CSV",
            description = "Multipart field `file` holds the CSV (UTF-8, header row, RFC 4180 quoting, CRLF or LF, optional BOM;"
                    + " an empty cell is a missing value). Answers 201 with the inferred schema.")
    ResponseEntity<DatasetResponse> upload(@RequestPart("file") MultipartFile file,
            @Parameter(description = "Display name; defaults to the file name") @RequestParam(required = false) String name) {
        if (file.isEmpty()) {
            throw new InvalidRequestException("file", "The uploaded file is empty: send a CSV with a header row and data rows.");
        }
        DatasetInfo info = datasets.upload(name, file.getOriginalFilename(), file, file.getSize());
        return ResponseEntity.created(URI.create("/api/datasets/" + info.id())).body(DatasetResponse.from(info));
    }

    @GetMapping
    @Operation(summary = "List datasets, newest first")
    PageResponse<DatasetResponse> list(
            @ParameterObject @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable pageable) {
        return PageResponse.of(datasets.list(pageable), DatasetResponse::from);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A dataset and its schema")
    DatasetResponse get(@PathVariable long id) {
        return DatasetResponse.from(datasets.get(id));
    }

    @GetMapping("/{id}/rows")
    @Operation(summary = "Preview rows", description = "Rows as column → raw value; missing cells are null.")
    RowsPage rows(@PathVariable long id, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "20") int limit) {
        return datasets.rows(id, offset, limit);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a dataset",
            description = "Refused with 409 while a model is defined on it, unless force=true.")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(defaultValue = "false") boolean force) {
        datasets.delete(id, force);
        return ResponseEntity.noContent().build();
    }
}
