package dev.backprop.engine;

import java.util.Collection;
import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Maxout (Goodfellow et al., 2013), which DL4J has no activation for: each of {@code units} outputs is the largest of
 * {@code pieces} linear functions of the input, {@code max_j (x·W_j + b_j)}. Written as a SameDiff layer, so its
 * gradient comes from automatic differentiation. The weights are one [nIn, units·pieces] matrix; column
 * {@code u·pieces + j} is piece j of unit u.
 */
public class MaxoutLayer extends SameDiffLayer {

    private static final String WEIGHTS = "W";
    private static final String BIAS = "b";

    private long nIn;
    private long units;
    private long pieces;

    public MaxoutLayer(long nIn, long units, long pieces, WeightInit weightInit) {
        this.nIn = nIn;
        this.units = units;
        this.pieces = pieces;
        this.weightInit = weightInit;
    }

    /** For DL4J's JSON configuration. */
    protected MaxoutLayer() {
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> parameters, SDVariable mask) {
        SDVariable linear = input.mmul(parameters.get(WEIGHTS)).add(parameters.get(BIAS));
        SDVariable byPiece = linear.reshape(-1, units, pieces);
        // Pairwise element-wise maxima over the pieces (SameDiff's reduce_max doubled the gradient in M2.1).
        SDVariable largest = byPiece.get(SDIndex.all(), SDIndex.all(), SDIndex.point(0));
        for (int piece = 1; piece < pieces; piece++) {
            largest = sd.math().max(largest, byPiece.get(SDIndex.all(), SDIndex.all(), SDIndex.point(piece)));
        }
        return largest;
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.addWeightParam(WEIGHTS, nIn, units * pieces);
        params.addBiasParam(BIAS, 1, units * pieces);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        params.get(BIAS).assign(0);
        initWeights((int) nIn, (int) units, weightInit, params.get(WEIGHTS));
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
            INDArray parameters, boolean initialize, DataType dataType) {
        Implementation layer = new Implementation(conf, dataType);
        layer.setIndex(index);
        layer.setParamsViewArray(parameters);
        layer.setParamTable(initializer().init(conf, parameters, initialize));
        layer.setConf(conf);
        return layer;
    }

    /**
     * DL4J M2.1's SameDiff layers report parameter gradients, and the error they pass down, at twice their true value
     * (measured against numerical gradients, also for a plain linear SameDiff layer); this halves both. MaxoutLayerTest's gradient check fails if
     * DL4J ever fixes that and this correction becomes wrong.
     */
    static final class Implementation extends org.deeplearning4j.nn.layers.samediff.SameDiffLayer {

        Implementation(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
            Pair<Gradient, INDArray> result = super.backpropGradient(epsilon, workspaces);
            gradients.muli(0.5);
            // The error passed down to the layer below is doubled too.
            if (result.getSecond() != null) {
                result.getSecond().muli(0.5);
            }
            return result;
        }
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(units);
    }

    public long getNIn() {
        return nIn;
    }

    public void setNIn(long nIn) {
        this.nIn = nIn;
    }

    public long getUnits() {
        return units;
    }

    public void setUnits(long units) {
        this.units = units;
    }

    public long getPieces() {
        return pieces;
    }

    public void setPieces(long pieces) {
        this.pieces = pieces;
    }
}
