package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class MatricesTest {

    private static final float[][] VALUES = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}};

    @Test
    void copiesRowMajorArrays() {
        assertThat(Matrices.rows(Nd4j.create(VALUES))).isDeepEqualTo(VALUES);
    }

    @Test
    void copiesColumnMajorArraysInRowOrder() {
        // DL4J keeps weights in 'f' order.
        INDArray columnMajor = Nd4j.create(VALUES).dup('f');
        assertThat(columnMajor.ordering()).isEqualTo('f');
        assertThat(Matrices.rows(columnMajor)).isDeepEqualTo(VALUES);
    }

    @Test
    void copiesViewsWithOffsetsAndOtherTypes() {
        INDArray view = Nd4j.create(VALUES).get(NDArrayIndex.interval(1, 3), NDArrayIndex.interval(1, 3));
        assertThat(Matrices.rows(view)).isDeepEqualTo(new float[][] {{5, 6}, {8, 9}});
        assertThat(Matrices.rows(Nd4j.create(VALUES).castTo(DataType.DOUBLE))).isDeepEqualTo(VALUES);
    }

    @Test
    void agreesWithNd4jsOwnCopy() {
        INDArray random = Nd4j.rand(DataType.FLOAT, 37, 5).dup('f');
        assertThat(Matrices.rows(random)).isDeepEqualTo(random.toFloatMatrix());
    }

    @Test
    void rejectsOtherRanks() {
        assertThatIllegalArgumentException().isThrownBy(() -> Matrices.rows(Nd4j.create(new float[] {1, 2, 3}, 3)));
    }

    @Test
    void buildsTheSameMatrixAsNd4jFromRowsAndFromAFlatArrayItDoesNotKeep() {
        float[] flat = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

        INDArray fromFlat = Matrices.of(flat, 4, 3);
        INDArray fromRows = Matrices.of(VALUES);
        flat[0] = 99;

        INDArray expected = Nd4j.create(VALUES);
        for (INDArray built : new INDArray[] {fromFlat, fromRows}) {
            assertThat(built).isEqualTo(expected);
            assertThat(built.dataType()).isEqualTo(DataType.FLOAT);
            assertThat(built.ordering()).isEqualTo('c');
            assertThat(built.shape()).containsExactly(4, 3);
        }
        assertThatIllegalArgumentException().isThrownBy(() -> Matrices.of(new float[5], 2, 3));
    }
}
