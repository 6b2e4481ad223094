package dev.backprop.engine;

import java.util.Optional;

import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * DL4J's score of a classifier's held-out part, computed from outputs the history has already taken: the mean
 * cross-entropy per row, with DL4J's clipping, plus the network's L1/L2 term, as {@code MultiLayerNetwork.score}
 * gives it. Saves one DL4J call per epoch, which on small networks costs more than its arithmetic. Only for the
 * two losses our classifiers train with (sigmoid with binary cross-entropy, softmax with categorical), unweighted.
 */
final class HeldOutLoss {

    private final boolean softmax;
    private final double clip;

    private HeldOutLoss(boolean softmax, double clip) {
        this.softmax = softmax;
        this.clip = clip;
    }

    static Optional<HeldOutLoss> of(MultiLayerNetwork network) {
        if (!(network.getOutputLayer().conf().getLayer() instanceof BaseOutputLayer output)) {
            return Optional.empty();
        }
        ILossFunction loss = output.getLossFn();
        if (loss instanceof LossBinaryXENT xent && xent.getWeights() == null
                && output.getActivationFn() instanceof ActivationSigmoid) {
            return Optional.of(new HeldOutLoss(false, xent.getClipEps()));
        }
        if (loss instanceof LossMCXENT mcxent && mcxent.getWeights() == null
                && output.getActivationFn() instanceof ActivationSoftmax) {
            return Optional.of(new HeldOutLoss(true, mcxent.getSoftmaxClipEps()));
        }
        return Optional.empty();
    }

    double score(MultiLayerNetwork network, float[][] outputs, float[][] labels) {
        double sum = 0;
        for (int r = 0; r < outputs.length; r++) {
            for (int c = 0; c < outputs[r].length; c++) {
                double p = Math.min(Math.max(outputs[r][c], clip), 1 - clip);
                double y = labels[r][c];
                sum += softmax ? y * Math.log(p) : y * Math.log(p) + (1 - y) * Math.log(1 - p);
            }
        }
        return -sum / outputs.length + network.calcRegularizationScore(true);
    }
}
