package dev.backprop.access;

/**
 * What a key may do. Roles nest: an admin can do everything a trainer can, a trainer everything a predictor can.
 */
public enum Role {
    /** Manage keys and delete data, plus everything a trainer may do. */
    ADMIN,
    /** Upload datasets, define and train models, read everything but keys; plus predict. */
    TRAINER,
    /** Read models and predict with them. */
    PREDICTOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
