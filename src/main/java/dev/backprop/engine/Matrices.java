package dev.backprop.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies ND4J matrices into Java arrays in one native call. {@code INDArray.toFloatMatrix()} makes a view per row,
 * each with its own shape buffer and deallocator: on a history sample of 256 rows it cost as much as the epoch's
 * training steps.
 */
final class Matrices {

    private Matrices() {
    }

    /** {@code matrix[r][c]} as {@code rows[r][c]}, whatever the array's order, offset or type. */
    static float[][] rows(INDArray matrix) {
        if (matrix.rank() != 2) {
            throw new IllegalArgumentException("Expected a matrix, got shape " + java.util.Arrays.toString(matrix.shape()));
        }
        int rowCount = Math.toIntExact(matrix.rows());
        int columns = Math.toIntExact(matrix.columns());
        float[] flat = org.nd4j.linalg.factory.Nd4j.toFlattened('c', matrix).toFloatVector();
        float[][] rows = new float[rowCount][];
        for (int r = 0; r < rowCount; r++) {
            rows[r] = java.util.Arrays.copyOfRange(flat, r * columns, (r + 1) * columns);
        }
        return rows;
    }
}
