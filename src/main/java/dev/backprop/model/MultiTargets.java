package dev.backprop.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.backprop.dataset.ColumnSchema;
import dev.backprop.dataset.ColumnType;
import dev.backprop.dataset.DatasetSchema;
import dev.backprop.preprocessing.Task;
import dev.backprop.shared.Violation;

/** Several target columns at once: multi-label (0/1 columns) or multi-output regression (numeric columns). */
final class MultiTargets {

    private MultiTargets() {
    }

    static List<String> names(ModelDefinition definition) {
        if (definition.targets() != null) {
            return definition.targets();
        }
        return definition.target() == null ? List.of() : List.of(definition.target());
    }

    static List<ColumnSchema> columns(ModelDefinition definition, DatasetSchema schema, List<Violation> problems) {
        List<ColumnSchema> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (definition.targets().isEmpty()) {
            problems.add(new Violation("$.targets", "name at least one column to predict"));
        }
        for (int i = 0; i < definition.targets().size(); i++) {
            String name = definition.targets().get(i);
            Optional<ColumnSchema> column = schema.column(name);
            if (column.isEmpty()) {
                problems.add(new Violation("$.targets[" + i + "]", "no column '" + name + "' in the dataset; columns: "
                        + schema.columnNames()));
            } else if (!seen.add(name)) {
                problems.add(new Violation("$.targets[" + i + "]", "'" + name + "' is listed twice"));
            } else {
                columns.add(column.get());
            }
        }
        return columns;
    }

    static Task task(ModelDefinition definition, List<ColumnSchema> targets, List<Violation> problems) {
        boolean allBoolean = targets.stream().allMatch(c -> c.type() == ColumnType.BOOLEAN);
        boolean allNumeric = targets.stream().allMatch(c -> c.type() != ColumnType.CATEGORICAL);
        Task task = definition.task() == null ? (allBoolean ? Task.MULTILABEL : Task.REGRESSION)
                : Task.fromId(definition.task()).orElse(null);
        if (task == null) {
            problems.add(new Violation("$.task", "unknown task '" + definition.task() + "'; allowed: " + Task.ids()));
            return Task.REGRESSION;
        }
        if (task == Task.MULTILABEL && !allBoolean) {
            problems.add(new Violation("$.targets", "multilabel needs 0/1 (or true/false, yes/no) target columns; "
                    + targets.stream().filter(c -> c.type() != ColumnType.BOOLEAN).map(ColumnSchema::name).toList()
                    + " are not"));
        } else if (task == Task.REGRESSION && !allNumeric) {
            problems.add(new Violation("$.targets", "a regression needs numeric target columns; "
                    + targets.stream().filter(c -> c.type() == ColumnType.CATEGORICAL).map(ColumnSchema::name).toList()
                    + " are categorical"));
        } else if (task == Task.BINARY || task == Task.MULTICLASS) {
            problems.add(new Violation("$.task", task.id() + " predicts one column: use target, or task multilabel or"
                    + " regression for several targets"));
        }
        return task;
    }
}
