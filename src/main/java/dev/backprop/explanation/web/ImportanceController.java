package dev.backprop.explanation.web;

import dev.backprop.explanation.FeatureImportance;
import dev.backprop.explanation.ImportanceService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Explanations", description = "Which raw features a trained version relies on.")
class ImportanceController {

    private final ImportanceService importance;

    ImportanceController(ImportanceService importance) {
        this.importance = importance;
    }

    @GetMapping("/api/models/{id}/versions/{version}/importance")
    @Operation(summary = "Permutation feature importance on the held-out part",
            description = "For each raw feature: the mean drop (and its spread over repeats) of ROC AUC (binary), accuracy"
                    + " (multiclass) or R² (regression) when that feature's values are shuffled among the held-out rows.")
    FeatureImportance importance(@PathVariable long id, @PathVariable int version,
            @RequestParam(defaultValue = "5") int repeats, @RequestParam(defaultValue = "42") long seed) {
        return importance.importance(id, version, repeats, seed);
    }
}
