package dev.backprop.prediction.web;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.backprop.dataset.DatasetProperties;
import dev.backprop.prediction.BatchHelpers;
import dev.backprop.prediction.PredictionService;
import dev.backprop.prediction.Predictions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.enums.ParameterStyle;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

@RestController
@Tag(name = "Predictions", description = "Predict from raw feature values, the same columns and values as the uploaded CSV.")
class PredictionController {

    private final PredictionService predictions;
    private final DatasetProperties csvLimits;
    private final BatchHelpers helpers;

    PredictionController(PredictionService predictions, DatasetProperties csvLimits, BatchHelpers helpers) {
        this.predictions = predictions;
        this.csvLimits = csvLimits;
        this.helpers = helpers;
    }

    /** Also routed by {@link SingleRowRouting}. */
    static final String SINGLE_ROW = "/api/models/{id}/predict";

    @GetMapping(value = SINGLE_ROW, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Predict one row from query parameters",
            description = "Every feature is a query parameter, e.g. ?Pclass=1&Sex=female&Age=29&SibSp=0&Parch=0&Fare=80&Embarked=S."
                    + " An empty value (Age=) is missing and imputed as in training. `version` picks a version (default: latest),"
                    + " `threshold` the binary decision threshold (default 0.5).")
    @Parameter(name = "id", in = ParameterIn.PATH, required = true, description = "The model's id",
            schema = @Schema(type = "integer", format = "int64"))
    @Parameter(name = QueryRow.VERSION, in = ParameterIn.QUERY, description = "Model version; default the latest",
            schema = @Schema(type = "integer", format = "int32"))
    @Parameter(name = QueryRow.THRESHOLD, in = ParameterIn.QUERY,
            description = "Binary models: predict the positive label from this probability; default 0.5",
            schema = @Schema(type = "number", format = "double"))
    @Parameter(name = "features", in = ParameterIn.QUERY, style = ParameterStyle.FORM, explode = Explode.TRUE, required = true,
            description = "The row's raw values, one query parameter per feature column",
            schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE),
            example = "{\"Pclass\": 1, \"Sex\": \"female\", \"Age\": 29, \"SibSp\": 0, \"Parch\": 0, \"Fare\": 80, \"Embarked\": \"S\"}")
    @SuppressWarnings("unchecked")
    PredictionResponse predictOne(HttpServletRequest request) {
        long id = QueryRow.modelId((Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE));
        String rawQuery = request.getQueryString();
        QueryRow query = QueryRow.from(rawQuery == null ? request.getParameterMap() : QueryRow.parameters(rawQuery));
        return PredictionResponse.from(predictions.predict(id, Optional.ofNullable(query.version()), List.of(query.features()),
                null, query.threshold()));
    }

    @PostMapping(value = "/api/models/{id}/predictions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Predict many rows (JSON)", description = "A JSON array of objects, one per row, feature → value.")
    Predictions predictJson(@PathVariable long id, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) Double threshold,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
                    [{"Pclass": 1, "Sex": "female", "Age": 29, "SibSp": 0, "Parch": 0, "Fare": 80, "Embarked": "S"},
                     {"Pclass": 3, "Sex": "male", "Age": 25, "SibSp": 0, "Parch": 0, "Fare": 7.9, "Embarked": "S"}]""")))
            @RequestBody List<Map<String, Object>> rows) {
        List<Map<String, String>> raw = JsonRows.raw(rows);
        return predictions.predict(id, Optional.ofNullable(version), raw, i -> "$[" + i + "]", threshold);
    }

    @PostMapping(value = "/api/models/{id}/predictions", consumes = "text/csv", produces = "text/csv")
    @Operation(summary = "Predict many rows (CSV)",
            description = "A CSV with a header row that includes every feature column; other columns (an id, say) are ignored by"
                    + " the model and echoed. The answer is the same CSV with prediction (and probability) columns appended.")
    byte[] predictCsv(@PathVariable long id, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) Double threshold,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "text/csv",
                    schema = @Schema(type = "string"))) InputStream body) {
        return CsvPredictions.predict(body, predictions.maxRows(), csvLimits.maxRowLength(), csvLimits.maxCharacters(),
                (columns, rows, firstRow) -> predictions.predictTable(id, Optional.ofNullable(version), columns, rows,
                        i -> "row " + (firstRow + i + 1), threshold), helpers.executor());
    }
}
