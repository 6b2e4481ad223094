package dev.backprop.model;

import java.util.List;

import dev.backprop.dataset.ColumnSchema;
import dev.backprop.preprocessing.Imputation;
import dev.backprop.preprocessing.Scaling;
import dev.backprop.preprocessing.TargetEncoder;

/** Everything training needs, resolved from a definition and its dataset's schema. */
public record ModelPlan(
        ModelDefinition definition,
        List<ColumnSchema> features,
        TargetEncoder target,
        Scaling scaling,
        Imputation imputation,
        double testFraction,
        NetworkDesign design,
        NetworkSummary summary) {
}
