package dev.backprop.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies matrices between Java arrays and ND4J in one native call each way. {@code INDArray.toFloatMatrix()} makes a
 * view per row, each with its own shape buffer and deallocator: on a history sample of 256 rows it cost as much as the
 * epoch's training steps. The other way, {@code Nd4j.create(float[], shape, order)} zeroes a new native buffer and
 * then writes it one element at a time: an MNIST job's batches spent 0.5 s of the helper thread there (memset and
 * puts), against a tenth of that for one bulk copy into a buffer made from the array ({@link #of}).
 */
final class Matrices {

    private Matrices() {
    }

    /** A {@code rows × columns} float matrix holding {@code flat} row after row (copied; the array may be reused). */
    static INDArray of(float[] flat, int rows, int columns) {
        if ((long) rows * columns != flat.length) {
            throw new IllegalArgumentException(flat.length + " values are no " + rows + " × " + columns + " matrix");
        }
        return org.nd4j.linalg.factory.Nd4j.create(org.nd4j.linalg.factory.Nd4j.createBuffer(flat), rows, columns);
    }

    /** The rows (all of one width, at least one) as a float matrix. */
    static INDArray of(float[][] rows) {
        int columns = rows[0].length;
        float[] flat = new float[rows.length * columns];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * columns, columns);
        }
        return of(flat, rows.length, columns);
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
